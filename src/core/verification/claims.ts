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
  return /(?:шаг|пункт|step|item|вариант|option)\p{L}*\s*(?:№\s*)?$/iu.test(sentence.slice(0, quantity.start));
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
  for (const entity of facts.entities) {
    // A name that only wraps a number or a contact is checked as that.
    if (
      claims.some((claim) => claim.start >= entity.start && claim.start < entity.end && claim.kind !== 'entity') &&
      entity.kind !== 'quoted'
    )
      continue;
    claims.push({ kind: 'entity', text: entity.text, start: entity.start, entity });
  }
  // "The delivery fee is not refunded" promises nothing; nor does a button called «Гарантийный случай».
  const quoted = facts.entities.filter((entity) => entity.kind === 'quoted');
  for (const commitment of facts.commitments)
    if (
      !commitment.negated &&
      !quoted.some((entity) => commitment.start >= entity.start && commitment.start < entity.end)
    )
      claims.push({ kind: 'commitment', text: commitment.text, start: commitment.start, commitment });
  return claims.sort((left, right) => left.start - right.start);
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

/** The clause around a position: the sentence cut at commas, semicolons, dashes, colons and brackets. */
export function clauseAround(sentence: string, position: number): Clause {
  const cuts = [...sentence.matchAll(/[,;:—–()]|\s-\s/gu)];
  const starts = [0, ...cuts.map((match) => match.index + match[0].length)];
  const ends = [...cuts.map((match) => match.index), sentence.length];
  let at = starts.findIndex((start, index) => position >= start && position < (ends[index] ?? sentence.length));
  if (at === -1) at = starts.length - 1;
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
