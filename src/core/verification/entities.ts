// Named things in text: quoted names (buttons, sections, plans), menu paths, product codes and capitalised
// plan or product names after words such as «тариф» or "plan". Runtime: any.
import { alternation, alternatives } from '../text/pattern.ts';
import { termsOf } from './claim-terms.ts';

export type EntityKind = 'quoted' | 'menu' | 'code' | 'name' | 'compound' | 'person' | 'address';

export interface Entity {
  readonly kind: EntityKind;
  /** The name's content terms (stemmed), joined by spaces: «Оптиме» and «Оптима» give the same key. */
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const QUOTED = /«([^«»\n]{2,60})»|"([^"\n]{2,60})"|“([^“”\n]{2,60})”|„([^„“\n]{2,60})“/gu;
const ARROW = /→|->|=>|›|>/gu;
/**
 * A product code: a Latin word with digits («EX-1000», "AX55"), or a number of thousands («4K»). Codes are short:
 * the runs are bounded, or every «a» of "a-a-a-…" (a code may start after a hyphen) would read to the run's end.
 */
const CODE = alternation(
  [
    String.raw`(?<![\p{L}\d])[A-Za-z][A-Za-z\d-]{0,63}\d[A-Za-z\d]{0,63}(?![\p{L}\d])`,
    String.raw`(?<![\p{L}\d])\d+[KkКк](?![\p{L}\d])`,
  ],
  'gu',
);
/** Words that introduce a name: «тариф», «раздел», «кнопка», "plan", "menu". */
const NAME_CUES = [
  String.raw`тариф\p{L}*|пакет\p{L}*|приставк\p{L}*|роутер\p{L}*|приложени\p{L}*|раздел\p{L}*|меню|кнопк\p{L}*`,
  String.raw`вкладк\p{L}*|акци\p{L}*`,
  String.raw`plan|package|router|app|section|menu|button|tab|promotion|offer`,
];
/** A capitalised name right after a word that introduces one, or before "plan". */
const NAME = alternation(
  [
    String.raw`(?<![\p{L}])(?:${alternatives(NAME_CUES)})\s+(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)?)`,
    // Bounded: a name may start after a hyphen, and each capital of "A-A-A-…" would otherwise read to the end.
    String.raw`(?<![\p{L}])(\p{Lu}[\p{L}\d-]{0,63})\s+(?:plan|package|tariff)(?![\p{L}])`,
  ],
  'gu',
);

const keyOf = (text: string) => termsOf(text).join(' ');

/** Named things in order of appearance; a quoted name inside a menu path is part of the path. */
export function entitiesOf(text: string): Entity[] {
  const found: Entity[] = [];
  const add = (entity: Entity) => found.push(entity);
  for (const match of text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const key = keyOf(inner);
    if (key !== '') add({ kind: 'quoted', key, text: inner, start: match.index, end: match.index + match[0].length });
  }
  // Whether a match is inside a name found before: not compared with every one of them (quadratic in a text of
  // many codes). Names do not overlap each other, nor codes each other (each is one pattern's matches).
  let inside = coverOf(found, text.length);
  for (const match of text.matchAll(NAME)) {
    const name = match[1] ?? match[2] ?? '';
    const start = match.index + match[0].indexOf(name);
    if (inside(start)) continue;
    const key = keyOf(name);
    if (key !== '') add({ kind: 'name', key, text: name, start, end: start + name.length });
  }
  inside = coverOf(found, text.length);
  for (const match of text.matchAll(CODE)) {
    if (inside(match.index)) continue;
    found.push({
      kind: 'code',
      key: match[0].toLowerCase(),
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
    });
  }
  return found.sort((left, right) => left.start - right.start);
}

/**
 * Whether a position is inside one of `entities`, for positions asked in increasing order: a running sum of the
 * entities' starts (+1) and ends (-1).
 */
function coverOf(entities: readonly Entity[], length: number): (position: number) => boolean {
  const change = new Int32Array(length + 1);
  for (const entity of entities) {
    change[entity.start] = (change[entity.start] ?? 0) + 1;
    change[entity.end] = (change[entity.end] ?? 0) - 1;
  }
  let depth = 0;
  let at = 0;
  return (position) => {
    while (at <= position) {
      depth += change[at] ?? 0;
      at += 1;
    }
    return depth > 0;
  };
}

const FORMAL_YOU = /^Ваш|^Вы$|^Вас$|^Вам$|^Вами$/u;
const CAPITALISED_RUN = /(?<![\p{L}\d-])\p{Lu}[\p{L}\d-]+(?:\s+\p{Lu}[\p{L}\d-]*)+/gu;

/**
 * Runs of capitalised words that contain a known name ("Maximum Plus" where "Maximum" is a plan): a product
 * made up around a real one. `isName` says which words are the sources' names.
 */
export function compoundNamesOf(text: string, isName: (word: string) => boolean): Entity[] {
  const found: Entity[] = [];
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    let words = match[0].split(/\s+/);
    let start = match.index;
    // A sentence's first word is capitalised anyway ("Open Profile"), and so is the formal «Вы».
    if (
      (/^[\s"«(*-]*$/u.test(text.slice(0, start)) || /[.!?:]\s*$/u.test(text.slice(0, start))) &&
      !isName(words[0] ?? '')
    ) {
      start +=
        (words[0] ?? '').length +
        (match[0].slice((words[0] ?? '').length).length - match[0].slice((words[0] ?? '').length).trimStart().length);
      words = words.slice(1);
    }
    if (words.length < 2 || words.some((word) => FORMAL_YOU.test(word)) || !words.some(isName) || words.every(isName))
      continue;
    const phrase = words.join(' ');
    found.push({
      kind: 'compound',
      key: keyOf(phrase),
      text: text.slice(start, start + phrase.length),
      start,
      end: start + phrase.length,
    });
  }
  return found;
}

/** How surnames end: «-ов», «-ина», «-ский», «-енко», "-ova", "-sky". */
const SURNAME_ENDINGS = [
  'ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|ской|ич|енко|ук|юк|ов[аы]?',
  'ov|ova|ev|eva|in|ina|sky|skaya|skiy|tsky|tskaya|enko|vich',
];
const SURNAME = String.raw`\p{Lu}\p{Ll}+(?:${alternatives(SURNAME_ENDINGS)})`;
const PERSON = alternation(
  [
    String.raw`(?<![\p{L}])\p{Lu}\p{Ll}+\s+${SURNAME}(?![\p{L}])`,
    String.raw`(?<![\p{L}])${SURNAME}\s+\p{Lu}\p{Ll}+(?![\p{L}])`,
  ],
  'gu',
);
const STREET = [
  String.raw`ул\.|улиц\p{L}*|пр-т|просп\p{L}*|пер\.|переул\p{L}*|бульв\p{L}*|шоссе`,
  String.raw`street|st\.|avenue|ave\.|road|rd\.`,
];
const HOUSE = String.raw`(?:,?\s*(?:д\.|дом|house|No\.?)?\s*\d+[\p{L}]?)?`;
const FLAT = String.raw`(?:,?\s*(?:кв\.|квартира|apt\.?|flat)\s*\d+)?`;
const ADDRESS = alternation(
  [
    String.raw`(?<![\p{L}])(?:${alternatives(STREET)})\s*\p{Lu}[\p{L}-]*${HOUSE}${FLAT}`,
    String.raw`(?<![\p{L}])(?:д\.|дом)\s*\d+[\p{L}]?,?\s*(?:кв\.|квартира)\s*\d+`,
  ],
  'giu',
);

/** People's names (a first name and a surname) and street addresses: personal data no article contains. */
export function personalDataOf(text: string): Entity[] {
  const found: Entity[] = [];
  for (const [pattern, kind] of [
    [PERSON, 'person'],
    [ADDRESS, 'address'],
  ] as const) {
    for (const match of text.matchAll(pattern))
      found.push({
        kind,
        key: keyOf(match[0]),
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
      });
  }
  return found;
}

/**
 * Menu paths ("Профиль → Личные данные", "Settings > Wi-Fi"): the words next to each arrow, one entity each.
 * Only the word touching the arrow is taken on each side: around it may be the reply's own verbs.
 */
export function menuStepsOf(text: string): Entity[] {
  const steps: Entity[] = [];
  const starts = new Set<number>();
  // The spaces around each arrow are found by hand: `\s*(?:→|…)` tries every space of a long run of them, each try
  // reading to the run's end; and the word before an arrow is read backwards, not matched on all the text before it.
  let taken = 0;
  for (const arrow of text.matchAll(ARROW)) {
    let arrowStart = arrow.index;
    while (arrowStart > taken && SPACE.test(text.charAt(arrowStart - 1))) arrowStart -= 1;
    let afterStart = arrow.index + arrow[0].length;
    while (afterStart < text.length && SPACE.test(text.charAt(afterStart))) afterStart += 1;
    taken = afterStart;
    const before = wordBefore(text, arrowStart);
    WORD_AFTER.lastIndex = afterStart;
    const after = WORD_AFTER.exec(text);
    if (before === undefined || after?.[1] === undefined) continue;
    for (const [word, start] of [
      [before.word, before.start],
      [after[1], afterStart],
    ] as const) {
      const key = keyOf(word);
      if (key !== '' && !starts.has(start)) {
        starts.add(start);
        steps.push({ kind: 'menu', key, text: word, start, end: start + word.length });
      }
    }
  }
  return steps;
}

const SPACE = /^\s$/u;
const WORD_CHARACTER = /^[\p{L}\d-]$/u;
const WORD_AFTER = /[«"“]?([\p{L}\d-]+)/uy;

/** The word (`[\p{L}\d-]+`, maybe in a closing quote) that ends at `end`, read backwards by code point. */
function wordBefore(text: string, end: number): { word: string; start: number } | undefined {
  const wordEnd = '»"”'.includes(text.charAt(end - 1)) && end > 0 ? end - 1 : end;
  let start = wordEnd;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? 2 : 1;
    if (!WORD_CHARACTER.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return start === wordEnd ? undefined : { word: text.slice(start, wordEnd), start };
}
