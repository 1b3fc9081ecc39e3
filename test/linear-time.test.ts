// Every text-processing entry point the reply pipeline runs on customer text must take time linear in the
// text's length: a customer message may be up to MAX_TEXT_LENGTH (100,000) characters, and a quadratic regex
// on a crafted message of that length ties up a worker for seconds. No absolute timings (the machine is
// shared and noisy): each adversarial input's per-character cost is compared with a realistic message's, and
// the time for 100,000 characters with the time for 10,000 characters of the same shape.
import { describe, expect, it } from 'vitest';
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

const MAX = 100_000;
const SMALL = 10_000;
/** An adversarial input may cost at most this many times a realistic message, per character. */
const PER_CHAR_FACTOR = 20;
/** 10× the length may cost at most this much more time (linear: 10×, quadratic: 100×). */
const SCALING_LIMIT = 25;
/** Timings below this are too coarse to compare; they pass. */
const NOISE_MS = 3;

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

const ENTRY_POINTS: ReadonlyArray<readonly [string, (text: string) => unknown]> = [
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

/** `unit` repeated (and cut) to exactly `length` characters, never splitting a surrogate pair. */
function fill(unit: string, length: number): string {
  const text = unit.repeat(Math.ceil(length / unit.length) + 1);
  let end = length;
  const code = text.charCodeAt(end - 1);
  if (code >= 0xd800 && code <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

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

function clock(fn: (text: string) => unknown, text: string): number {
  fn('.'); // clears the detectors' last-text memo
  const start = performance.now();
  fn(text);
  return performance.now() - start;
}

/** The best of up to `runs` timings, stopping at the first within `enough` (most inputs need one run). */
function best(fn: (text: string) => unknown, text: string, enough = 0, runs = 3): number {
  let fastest = Infinity;
  for (let run = 0; run < runs && fastest > enough; run += 1) fastest = Math.min(fastest, clock(fn, text));
  return fastest;
}

describe('text processing is linear in the message length', () => {
  const reference = fill(REFERENCE_UNIT, MAX);
  const referenceMs = new Map<string, number>();
  const referenceTotal = () => [...referenceMs.values()].reduce((sum, ms) => sum + ms, 0);

  it('measures a realistic message of the maximum length', () => {
    for (const [, fn] of ENTRY_POINTS) fn(REFERENCE_UNIT); // warm-up (JIT, lazy lexicons)
    for (const [name, fn] of ENTRY_POINTS) referenceMs.set(name, best(fn, reference));
    expect(referenceTotal()).toBeGreaterThan(0);
  });

  for (const [shape, unit] of ADVERSARIAL) {
    it(`stays linear on ${shape}`, () => {
      const long = fill(unit, MAX);
      const short = fill(unit, SMALL);
      const slow: string[] = [];
      for (const [name, fn] of ENTRY_POINTS) {
        const reference = referenceMs.get(name) ?? 0;
        // An entry point that does little on the realistic message is held to an average entry point's time, and
        // its scaling is judged only where the time matters (small timings are dominated by GC and regex tier-up).
        const floor = Math.max(NOISE_MS, reference, referenceTotal() / ENTRY_POINTS.length);
        const allowed = PER_CHAR_FACTOR * floor;
        const longMs = best(fn, long, floor);
        if (longMs > allowed) slow.push(`${name}: ${longMs.toFixed(1)} ms, allowed ${allowed.toFixed(1)} ms`);
        if (longMs > floor) {
          const shortMs = Math.max(best(fn, short), floor / SCALING_LIMIT);
          if (longMs / shortMs > SCALING_LIMIT)
            slow.push(`${name}: ${(longMs / shortMs).toFixed(0)}× for 10× the length`);
        }
      }
      expect(slow).toEqual([]);
    });
  }
});
