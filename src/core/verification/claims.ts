// Claims: the checkable statements of one sentence (amounts, periods, counts, contacts, names, promises),
// each with the words around it that say what it is about. Runtime: any.
import type { Commitment } from './commitments.ts';
import type { Contact } from './contacts.ts';
import type { Entity } from './entities.ts';
import { isEnumerationCount, type Quantity } from './quantities.ts';
import { factsOf } from './source-index.ts';

export type ClaimKind =
  | 'amount'
  | 'percent'
  | 'duration'
  | 'count'
  | 'phone'
  | 'url'
  | 'email'
  | 'secret'
  | 'entity'
  | 'commitment'
  | 'prompt';

export type Claim =
  | {
      readonly kind: 'amount' | 'percent' | 'duration' | 'count';
      readonly text: string;
      readonly start: number;
      readonly quantity: Quantity;
    }
  | {
      readonly kind: 'phone' | 'url' | 'email' | 'secret';
      readonly text: string;
      readonly start: number;
      readonly contact: Contact;
    }
  | { readonly kind: 'entity'; readonly text: string; readonly start: number; readonly entity: Entity }
  | { readonly kind: 'commitment'; readonly text: string; readonly start: number; readonly commitment: Commitment }
  | { readonly kind: 'prompt'; readonly text: string; readonly start: number };

const KIND_OF_DIMENSION = {
  money: 'amount',
  percent: 'percent',
  duration: 'duration',
  time: 'duration',
  always: 'duration',
  rate: 'count',
  size: 'count',
  frequency: 'count',
  count: 'count',
} as const;

/** Years, list numbers and other small bare numbers of a sentence that state nothing to look up. */
function isIncidental(quantity: Quantity, sentence: string): boolean {
  if (isEnumerationCount(quantity)) return true;
  if (quantity.dimension !== 'count' || quantity.unit !== '') return false;
  // "шаг 2", "step 3", "пункт 4": references to the reply's own steps.
  return namesStep(sentence, quantity.start);
}

const STEP_WORD = /шаг|пункт|step|item|вариант|option/iu;
const isSpace = (character: string) => /^\s$/u.test(character);

/**
 * True when a step word ends right before `end` («шаг », "step №"): what
 * `/(?:шаг|пункт|step|item|вариант|option)\p{L}*\s*(?:№\s*)?$/iu` matches on the text before it, read backwards
 * from `end` (the pattern, anchored only at the end, reads all the text before every number).
 */
function namesStep(text: string, end: number): boolean {
  let at = end;
  while (at > 0 && isSpace(text.charAt(at - 1))) at -= 1;
  if (text.charAt(at - 1) === '№' && at > 0) {
    at -= 1;
    while (at > 0 && isSpace(text.charAt(at - 1))) at -= 1;
  }
  let start = at;
  while (start > 0) {
    const low = text.charCodeAt(start - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && start >= 2 ? 2 : 1;
    if (!/^\p{L}$/u.test(text.slice(start - width, start))) break;
    start -= width;
  }
  return STEP_WORD.test(text.slice(start, at));
}

/** Every claim in a sentence, in order. */
export function claimsOf(sentence: string): Claim[] {
  const facts = factsOf(sentence);
  const claims: Claim[] = [];
  for (const contact of facts.contacts)
    claims.push({ kind: contact.kind, text: contact.text, start: contact.start, contact });
  for (const quantity of facts.quantities) {
    if (!isIncidental(quantity, sentence))
      claims.push({
        kind: KIND_OF_DIMENSION[quantity.dimension],
        text: quantity.text,
        start: quantity.start,
        quantity,
      });
  }
  // Where the claims so far start, in order: whether one starts inside an entity is a binary search, not a look
  // at every claim for every entity (quadratic in a sentence of many).
  const starts = claims.map((claim) => claim.start).sort((left, right) => left - right);
  for (const entity of facts.entities) {
    // A name that only wraps a number or a contact is checked as that.
    if (entity.kind !== 'quoted' && startsWithin(starts, entity.start, entity.end)) continue;
    claims.push({ kind: 'entity', text: entity.text, start: entity.start, entity });
  }
  // "The delivery fee is not refunded" promises nothing; nor does a button called «Гарантийный случай».
  const quoted = facts.entities.filter((entity) => entity.kind === 'quoted');
  const inQuotes = new Uint8Array(sentence.length + 1);
  for (const entity of quoted) inQuotes.fill(1, entity.start, entity.end);
  for (const commitment of facts.commitments)
    if (!commitment.negated && inQuotes[commitment.start] !== 1)
      claims.push({ kind: 'commitment', text: commitment.text, start: commitment.start, commitment });
  return claims.sort((left, right) => left.start - right.start);
}

/** True when one of the sorted `starts` is in [start, end). */
function startsWithin(starts: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = starts.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((starts[middle] ?? 0) < start) low = middle + 1;
    else high = middle;
  }
  return low < starts.length && (starts[low] ?? end) < end;
}

export interface Clause {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** Where the clause before it starts (this clause's start when it is the first). */
  readonly previousStart: number;
  /** Where the clause after it ends (this clause's end when it is the last). */
  readonly nextEnd: number;
}

const CLAUSE_CUT = /[,;:—–()]|\s-\s/gu;
/** Where the clauses of the last sentence asked about start and end: a sentence is asked once per claim in it. */
let lastCuts: { sentence: string; starts: readonly number[]; ends: readonly number[] } | undefined;

function cutsOf(sentence: string): { starts: readonly number[]; ends: readonly number[] } {
  if (lastCuts?.sentence !== sentence) {
    const starts = [0];
    const ends: number[] = [];
    for (const match of sentence.matchAll(CLAUSE_CUT)) {
      ends.push(match.index);
      starts.push(match.index + match[0].length);
    }
    ends.push(sentence.length);
    lastCuts = { sentence, starts, ends };
  }
  return lastCuts;
}

/** The clause around a position: the sentence cut at commas, semicolons, dashes, colons and brackets. */
export function clauseAround(sentence: string, position: number): Clause {
  const { starts, ends } = cutsOf(sentence);
  // The first clause that ends after the position (binary search: clauses are in order and do not overlap), if the
  // position is not before its start (inside a cut); else the last clause.
  let low = 0;
  let high = ends.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if ((ends[middle] ?? sentence.length) <= position) low = middle + 1;
    else high = middle;
  }
  const at = low < starts.length && position >= (starts[low] ?? 0) ? low : starts.length - 1;
  const start = starts[at] ?? 0;
  const end = ends[at] ?? sentence.length;
  return {
    text: sentence.slice(start, end),
    start,
    end,
    previousStart: starts[Math.max(0, at - 1)] ?? start,
    nextEnd: ends[Math.min(ends.length - 1, at + 1)] ?? end,
  };
}
