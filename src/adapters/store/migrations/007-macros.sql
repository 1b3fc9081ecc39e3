-- Canned responses (macros) agents insert into replies, per language, managed by leads. The defaults below follow
-- the support standard (greeting, acknowledgement, clear steps, what to do if it recurs, thanks and an offer of more
-- help; the formal «Вы» in Russian); leads edit or delete them on the dashboard. Placeholders are kept verbatim and
-- filled in by the agent console (src/core/macros/macro-placeholders.ts).
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

INSERT INTO macros (id, title, text, lang, created_by, created_at, updated_at)
SELECT id, title, text, lang, 'system', strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
FROM (
  SELECT 'default-ru-greeting' AS id, 'Приветствие' AS title, 'ru' AS lang,
    'Здравствуйте, {{customer.name}}! Меня зовут {{agent.name}}, я помогу Вам разобраться с вопросом.' AS text
  UNION ALL SELECT 'default-ru-acknowledge', 'Понимаю ситуацию', 'ru',
    'Понимаю, как это неприятно, и спасибо, что подробно всё описали. Сейчас разберёмся.'
  UNION ALL SELECT 'default-ru-router', 'Перезагрузка роутера: шаги', 'ru',
    'Пожалуйста, сделайте по шагам:
1. Отключите роутер от розетки.
2. Подождите 30 секунд.
3. Включите роутер и подождите 2–3 минуты, пока загрузится.
4. Проверьте, открываются ли сайты.
Напишите, пожалуйста, помогло ли.'
  UNION ALL SELECT 'default-ru-recurs', 'Если повторится', 'ru',
    'Если проблема повторится, просто напишите в этот чат и укажите номер обращения {{ticket.id}}: мы продолжим с того же места, и Вам не придётся объяснять всё заново.'
  UNION ALL SELECT 'default-ru-closing', 'Завершение', 'ru',
    'Спасибо, что обратились к нам! Если появятся другие вопросы, пишите, мы всегда на связи. Был рад помочь!'
  UNION ALL SELECT 'default-en-greeting', 'Greeting', 'en',
    'Hello, {{customer.name}}! My name is {{agent.name}} and I will help you sort this out.'
  UNION ALL SELECT 'default-en-acknowledge', 'Acknowledge the problem', 'en',
    'I understand how frustrating this is, and thank you for describing it in detail. Let us sort it out now.'
  UNION ALL SELECT 'default-en-router', 'Restart the router: steps', 'en',
    'Please follow these steps:
1. Unplug the router from the socket.
2. Wait 30 seconds.
3. Plug it back in and give it 2–3 minutes to start.
4. Check whether websites open.
Please let me know whether it helped.'
  UNION ALL SELECT 'default-en-recurs', 'If it happens again', 'en',
    'If the problem comes back, just write in this chat and mention request number {{ticket.id}}: we will pick up where we left off, so you will not have to explain everything again.'
  UNION ALL SELECT 'default-en-closing', 'Closing', 'en',
    'Thank you for contacting us! If you have any other questions, just write: we are always here. Glad I could help!'
);
