// Every text-processing entry point the reply pipeline runs on customer text must take time linear in the
// text's length: a customer message may be up to MAX_TEXT_LENGTH (100,000) characters, and a quadratic regex
// on a crafted message of that length ties up a worker for seconds. No absolute timings (the machine is
// shared and noisy): each adversarial input's per-character cost is compared with a realistic message's, and
// the time for 100,000 characters with the time for 10,000 characters of the same shape.
import { describeLinearTime, type EntryPoint } from './support/linear-time.ts';
import type { Message } from '../src/core/conversation/conversation.ts';
import { detectEmotion } from '../src/core/handoff/emotion.ts';
import { detectHumanRequest } from '../src/core/handoff/human-request.ts';
import { detectSensitive } from '../src/core/handoff/sensitive.ts';
import { detectLoop } from '../src/core/handoff/loop.ts';
import { detectIntents } from '../src/core/handoff/intent-models.ts';
import { normalize, words } from '../src/core/text/normalize.ts';
import { detectLanguage, readsAsRussian } from '../src/core/text/language.ts';
import { latinKeysToCyrillic } from '../src/core/text/keyboard-layout.ts';
import { toCyrillic } from '../src/core/text/transliterate.ts';
import { isStopword } from '../src/core/text/stopwords.ts';
import { reportsProblem } from '../src/core/reply/problem-signals.ts';
import { followUpContext, isVague } from '../src/core/reply/follow-up.ts';
import { answerKindOf } from '../src/core/retrieval/question-kind.ts';
import { politeness } from '../src/core/graders/politeness.ts';
import { gradeHouseStyle } from '../src/core/graders/house-style.ts';
import { readIntake, INTAKE_KINDS } from '../src/core/intake/intake-kinds.ts';

const message = (role: Message['role'], text: string): Message => ({
  id: `${role}-${text.length}`,
  conversationId: 'c',
  role,
  text,
  at: '2026-01-01T00:00:00Z',
});
const HISTORY: readonly Message[] = [
  message('customer', 'Как поменять тариф на более дешёвый?'),
  message('bot', 'Тариф можно сменить в личном кабинете, раздел «Тарифы».'),
];

const ENTRY_POINTS: readonly EntryPoint[] = [
  ['normalize', (text) => normalize(text)],
  ['words', (text) => words(text)],
  ['detectLanguage', (text) => detectLanguage(text, 'ru')],
  [
    'readsAsRussian',
    (text) => readsAsRussian(text, isStopword, { transliterate: toCyrillic, layout: latinKeysToCyrillic }),
  ],
  ['detectEmotion', (text) => detectEmotion(text)],
  ['detectHumanRequest', (text) => detectHumanRequest(text)],
  ['detectSensitive', (text) => detectSensitive(text)],
  ['detectLoop', (text) => detectLoop(HISTORY, text)],
  ['detectIntents', (text) => detectIntents(text)],
  ['reportsProblem', (text) => reportsProblem(text)],
  ['followUpContext', (text) => followUpContext(HISTORY, text)],
  ['isVague', (text) => isVague(text)],
  ['answerKindOf', (text) => answerKindOf(text)],
  ['readIntake', (text) => readIntake(text, INTAKE_KINDS)],
  ['politeness', (text) => politeness(text)],
  [
    'gradeHouseStyle',
    (text) =>
      gradeHouseStyle(text, {
        lang: 'ru',
        firstReply: true,
        action: 'answer',
        customerUpset: true,
        customerReportsProblem: true,
      }),
  ],
];

const REFERENCE_UNIT =
  'Здравствуйте! Второй день не работает интернет, роутер мигает красным, перезагружала дважды — не помогло. ' +
  'Я плачу 650 ₽ в месяц по тарифу «Домашний 100», договор 1234567, звонила на 8 800 555-35-35, никто не ответил. ' +
  'Hello, my internet has been down since Monday, I paid $12.50 yesterday. Подскажите, пожалуйста, что делать ' +
  'и сколько ждать мастера? Можно ли вернуть деньги за эти дни? ';

const ADVERSARIAL: ReadonlyArray<readonly [string, string]> = [
  ['digits', '7'],
  ['digits and spaces', '1 2 3 '],
  ['long Cyrillic word', 'а'],
  ['long Latin word', 'a'],
  ['exclamations', '!'],
  ['questions', '?'],
  ['letter, space', 'a '],
  ['ааа аааа', 'ааа аааа '],
  ['emoji', '😡'],
  ['spaces', ' '],
  ['mixed scripts', 'аbсdеfgх1!'],
  ['capitals', 'ЗАЧЕМ '],
  ['near-miss: operator', 'позовите живого '],
  ['near-miss: not working', 'не у меня '],
  ['near-miss: did not help', 'не это '],
  ['near-miss: money', '100 руб '],
  ['near-miss: phone', '+7 (999) '],
  ['near-miss: email', 'a.b.c@'],
  ['near-miss: card', '4111 1111 1111 111x '],
  ['near-miss: price', 'сколько '],
  ['near-miss: apology', 'извините, но '],
  ['near-miss: english', 'i want to speak to '],
  ['near-miss: steps', '1. Откройте '],
  ['newlines', '\n'],
  ['dots', '. '],
];

describeLinearTime('text processing is linear in the message length', ENTRY_POINTS, REFERENCE_UNIT, ADVERSARIAL);
