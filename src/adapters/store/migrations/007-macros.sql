-- Canned responses (macros) agents insert into replies, per language, managed by leads. The defaults below follow
-- the support standard (greeting, acknowledgement, clear steps, what to do if it recurs, thanks and an offer of more
-- help; the formal «Вы» in Russian); leads edit or delete them on the dashboard. Placeholders are kept verbatim and
-- filled in by the agent console (src/core/macros/macro-placeholders.ts). One INSERT per macro: a Durable Object's
-- SQLite allows only a few terms in a compound SELECT.
CREATE TABLE macros (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
  text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
  lang TEXT NOT NULL CHECK (lang IN ('ru', 'en')),
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX macros_lang ON macros (lang, title);

INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-ru-greeting', 'Приветствие',
  'Здравствуйте, {{customer.name}}! Меня зовут {{agent.name}}, я помогу Вам разобраться с вопросом.',
  'ru', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-ru-acknowledge', 'Понимаю ситуацию',
  'Понимаю, как это неприятно, и спасибо, что подробно всё описали. Сейчас разберёмся.',
  'ru', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-ru-router', 'Перезагрузка роутера: шаги',
  'Пожалуйста, сделайте по шагам:
1. Отключите роутер от розетки.
2. Подождите 30 секунд.
3. Включите роутер и подождите 2–3 минуты, пока загрузится.
4. Проверьте, открываются ли сайты.
Напишите, пожалуйста, помогло ли.',
  'ru', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-ru-recurs', 'Если повторится',
  'Если проблема повторится, просто напишите в этот чат и укажите номер обращения {{ticket.id}}: мы продолжим с того же места, и Вам не придётся объяснять всё заново.',
  'ru', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-ru-closing', 'Завершение',
  'Спасибо, что обратились к нам! Если появятся другие вопросы, пишите, мы всегда на связи. Был рад помочь!',
  'ru', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-en-greeting', 'Greeting',
  'Hello, {{customer.name}}! My name is {{agent.name}} and I will help you sort this out.',
  'en', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-en-acknowledge', 'Acknowledge the problem',
  'I understand how frustrating this is, and thank you for describing it in detail. Let us sort it out now.',
  'en', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-en-router', 'Restart the router: steps',
  'Please follow these steps:
1. Unplug the router from the socket.
2. Wait 30 seconds.
3. Plug it back in and give it 2–3 minutes to start.
4. Check whether websites open.
Please let me know whether it helped.',
  'en', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-en-recurs', 'If it happens again',
  'If the problem comes back, just write in this chat and mention request number {{ticket.id}}: we will pick up where we left off, so you will not have to explain everything again.',
  'en', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at) VALUES ('default-en-closing', 'Closing',
  'Thank you for contacting us! If you have any other questions, just write: we are always here. Glad I could help!',
  'en', 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now'));
