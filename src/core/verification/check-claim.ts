// Checks one claim against the cited passages: the same quantity, contact, name or promise must be there, and
// about the same thing (a plan's price is not another plan's, the SMS code's validity not the e-mail code's).
// Runtime: any.
import { clauseAround, type Claim } from './claims.ts';
import type { Commitment } from './commitments.ts';
import { sameContact } from './contacts.ts';
import { mentionsOf, nameAt, type Mention } from './names.ts';
import { RecentCache } from '../util/recent-cache.ts';
import { sameQuantity, type Quantity } from './quantities.ts';
import { factsOf, prefixOf, sectionOf, termsOf, type Passage, type SourceIndex } from './source-index.ts';
import { isGeneric } from './claim-terms.ts';

export type ClaimVerdict = 'supported' | 'not-in-sources' | 'other-subject' | 'contradicted' | 'prompt-text';

export interface ClaimCheck {
  readonly claim: Claim;
  readonly verdict: ClaimVerdict;
  /** The passage that supports or contradicts the claim, when there is one. */
  readonly evidence?: string | undefined;
}

export interface CheckContext {
  readonly index: SourceIndex;
  /** The customer's own words: a reply may repeat the names and contacts the customer gave. */
  readonly customerText?: string | undefined;
}

/** How much better another passage must match a claim's clause to show that the claim borrowed its number. */
export const CONTRAST_MARGIN = 0.25;
/** A value whose own context matches this share of the clause needs the full margin to be overturned. */
export const WELL_SUPPORTED = 0.5;
/** A smaller lead suffices when the rival matches every word the support matches, and more. */
export const COVER_MARGIN = 0.15;
/** Least match between the clause and a passage for that passage to say what the clause is about. */
export const CONTRAST_FLOOR = 0.6;
/** Least match between a promise's clause and a passage that makes the same kind of promise. */
export const COMMITMENT_FLOOR = 0.3;

const supported = (claim: Claim, evidence?: string): ClaimCheck => ({ claim, verdict: 'supported', evidence });

/** Term prefixes of a text's promises, contacts and quantities: what it states, not what it is about. */
const FACT_PREFIXES = new RecentCache<string, ReadonlySet<string>>(64);
const factPrefixes = (sentence: string): ReadonlySet<string> =>
  FACT_PREFIXES.through(sentence, (text) => {
    const facts = factsOf(text);
    const stated = [
      ...facts.commitments.map((commitment) => commitment.text),
      ...facts.contacts.map((contact) => contact.text),
      ...facts.quantities.map((quantity) => quantity.text),
    ];
    return new Set(termsOf(stated.join(' ')).map(prefixOf));
  });

/** The words of a text that may say what it is about (no numbers, no generic words), each with its count. */
const SUBJECT_WORDS = new RecentCache<string, ReadonlyMap<string, number>>(256);
const subjectWords = (text: string): ReadonlyMap<string, number> =>
  SUBJECT_WORDS.through(text, (key) => {
    const counts = new Map<string, number>();
    for (const term of termsOf(key))
      if (!/\d/.test(term) && !isGeneric(term)) counts.set(term, (counts.get(term) ?? 0) + 1);
    return counts;
  });

/** Distinct terms in order of first occurrence, and how many words they were (repeats counted). */
interface SubjectTerms {
  readonly terms: readonly string[];
  readonly count: number;
}

/**
 * What a claim is about: the content terms of its clause, without the claim's own words, numbers and
 * promise words; when the clause says too little, the clause before it (what a dash or colon attaches it to)
 * is added, then the one after it. The sentence's facts and each clause's words are read once per sentence and
 * clause, not once per claim (a sentence may hold hundreds of claims).
 */
function subjectTerms(sentence: string, position: number, own: string): SubjectTerms {
  const clause = clauseAround(sentence, position);
  const stated = factPrefixes(sentence);
  const owned = new Set(termsOf(own).map(prefixOf));
  const words = (text: string): SubjectTerms => {
    const terms: string[] = [];
    let count = 0;
    for (const [term, times] of subjectWords(text)) {
      const prefix = prefixOf(term);
      if (stated.has(prefix) || owned.has(prefix)) continue;
      terms.push(term);
      count += times;
    }
    return { terms, count };
  };
  const inClause = words(clause.text);
  return inClause.count >= 2 ? inClause : words(sentence.slice(clause.previousStart, clause.end));
}

export function checkClaim(claim: Claim, sentence: string, context: CheckContext): ClaimCheck {
  switch (claim.kind) {
    case 'amount':
    case 'percent':
    case 'duration':
    case 'count':
      return checkQuantity(claim, claim.quantity, sentence, context);
    case 'phone':
    case 'url':
    case 'email':
    case 'secret': {
      const evidence = context.index.passages.find((passage) =>
        passage.contacts.some((contact) => sameContact(claim.contact, contact)),
      );
      if (evidence !== undefined) return supported(claim, evidence.text);
      const own = context.customerText?.toLowerCase().replace(/[\s()-]/g, '') ?? '';
      return own !== '' && own.includes(claim.contact.text.toLowerCase().replace(/[\s()-]/g, ''))
        ? supported(claim)
        : { claim, verdict: 'not-in-sources' };
    }
    case 'entity':
      return checkEntity(claim, context);
    case 'commitment':
      return checkCommitment(claim, sentence, context.index);
    case 'prompt':
      return { claim, verdict: 'prompt-text' };
  }
}

const SUBJECTS = new WeakMap<Commitment, readonly string[]>();
/** What a promise in a source passage is about, as term prefixes (read once per promise). */
function subjectOf(text: string, commitment: Commitment): readonly string[] {
  let subject = SUBJECTS.get(commitment);
  if (subject === undefined) {
    const clause = clauseAround(text, commitment.start);
    subject = subjectTerms(clause.text, commitment.start - clause.start, commitment.text).terms.map(prefixOf);
    SUBJECTS.set(commitment, subject);
  }
  return subject;
}

/** Values that can stand in for each other's place: same dimension, and for counts the same counted word. */
function comparable(quantity: Quantity, other: Quantity): boolean {
  if (quantity.dimension !== other.dimension) return false;
  return quantity.dimension !== 'count' || prefixOf(quantity.unit) === prefixOf(other.unit);
}

/** Counts that are not of a noun: days of the month, dates, fractions, "times", years. */
const SPECIAL_UNITS = new Set(['ord', 'date', 'frac', 'times', 'year']);

const CUSTOMER_QUANTITIES = new WeakMap<CheckContext, readonly Quantity[]>();
const customerQuantities = (context: CheckContext): readonly Quantity[] => {
  let found = CUSTOMER_QUANTITIES.get(context);
  if (found === undefined) {
    found = context.customerText === undefined ? [] : factsOf(context.customerText).quantities;
    CUSTOMER_QUANTITIES.set(context, found);
  }
  return found;
};

function checkQuantity(claim: Claim, quantity: Quantity, sentence: string, context: CheckContext): ClaimCheck {
  const { index } = context;
  const occurrences = index.passages.flatMap((passage) => passage.quantities.map((other) => ({ passage, other })));
  const matches = occurrences.filter(({ other }) => sameQuantity(quantity, other));
  if (matches.length === 0) {
    // «Вы пишете, что переезжаете через неделю»: periods and dates the customer gave may be repeated (amounts,
    // percentages and counts may not: they are what an attacker wants said back, or facts about a product).
    if (
      (quantity.dimension === 'duration' || quantity.unit === 'date') &&
      customerQuantities(context).some((other) => sameQuantity(quantity, other))
    )
      return supported(claim);
    // «Есть два пути», "two things to check": counting the reply's own points, not a noun the sources count.
    if (
      quantity.dimension === 'count' &&
      quantity.unit.length > 2 &&
      !SPECIAL_UNITS.has(quantity.unit) &&
      quantity.amount <= 10 &&
      !occurrences.some(({ other }) => other.dimension === 'count' && prefixOf(other.unit) === prefixOf(quantity.unit))
    )
      return supported(claim);
    return { claim, verdict: 'not-in-sources' };
  }

  // A name next to the number in the reply («Оптима» … 990 ₽) must be the name next to it in the source.
  const distinctive = (key: string) => index.isDistinctive(key);
  const clause = clauseAround(sentence, quantity.start);
  // «Оптима» — 500 Мбит/с и 200 каналов: a name right before a dash or colon is what the clause after it describes.
  const previous = sentence.slice(clause.previousStart, clause.start);
  const namedBefore = previous.trim().split(/\s+/).length <= 3 && endsWithName(previous);
  const from =
    namedBefore || subjectTerms(clause.text, quantity.start - clause.start, claim.text).count < 2
      ? clause.previousStart
      : clause.start;
  const window = sentence.slice(from, clause.end);
  const mentions = distinctiveMentions(window, index);
  const named = nameAt(mentions, quantity.start - from);
  // "1 Gbps instead of 500 Mbps", «4 часа на «Максимуме» против 8»: after a comparison the value is the other one's.
  const compared =
    named !== undefined &&
    COMPARISON.test(
      window.slice(Math.min(named.start, quantity.start - from), Math.max(named.start, quantity.start - from)),
    );
  if (named !== undefined && !compared && quantity.unit !== 'ord') {
    const nameOf = (passage: Passage, position: number) =>
      nameAt(passage.mentions, position, distinctive) ??
      passage.headingMentions.filter((mention) => distinctive(mention.key)).at(-1);
    // The source gives the value to a name the reply's clause mentions, right there in the sentence: settled.
    const names = new Set(mentions.map((mention) => mention.key));
    if (matches.some(({ passage, other }) => names.has(nameAt(passage.mentions, other.start, distinctive)?.key ?? '')))
      return supported(claim, matches[0]?.passage.text);
    const bound = matches.some(({ passage, other }) =>
      [named.key, undefined].includes(nameOf(passage, other.start)?.key),
    );
    const rival = bound
      ? undefined
      : occurrences.find(
          ({ passage, other }) =>
            comparable(quantity, other) &&
            !sameQuantity(quantity, other) &&
            nameOf(passage, other.start)?.key === named.key,
        );
    if (rival !== undefined) return { claim, verdict: 'other-subject', evidence: rival.passage.text };
  }

  // What the clause is about must not fit another value of the same kind clearly better than this one. Words the
  // sources never use cannot tell one value's passage from another's.
  const terms = subjectTerms(sentence, claim.start, claim.text).terms.filter((term) => index.hasTerm(term));
  // One word is too little to tell one value's subject from another's.
  if (new Set(terms.map(prefixOf)).size < 2) return supported(claim, matches[0]?.passage.text);
  let support = 0;
  let supportFound = new Set<string>();
  for (const { passage, other } of matches) {
    const local = localTerms(passage, other);
    const score = index.alignmentWith(terms, local);
    if (score > support) [support, supportFound] = [score, found(terms, local)];
  }
  for (const { passage, other } of occurrences) {
    if (!comparable(quantity, other) || sameQuantity(quantity, other)) continue;
    const local = localTerms(passage, other);
    const score = index.alignmentWith(terms, local);
    if (score < CONTRAST_FLOOR) continue;
    const rivalFound = found(terms, local);
    // The rival says all the support says about the clause's subject, and more.
    const covers =
      support < WELL_SUPPORTED &&
      rivalFound.size > supportFound.size &&
      [...supportFound].every((term) => rivalFound.has(term)) &&
      score >= support + COVER_MARGIN;
    if (score >= support + CONTRAST_MARGIN || covers) return { claim, verdict: 'contradicted', evidence: passage.text };
  }
  return supported(claim, matches[0]?.passage.text);
}

const AUXILIARY = new Set([
  "we'll",
  "i'll",
  "we've",
  "i've",
  'we',
  'i',
  'will',
  'мы',
  'я',
  'будет',
  'будут',
  'уж',
  'have',
  'has',
  'been',
  'can',
  'could',
  'would',
  'shall',
  'going',
  'are',
  'is',
  'be',
]);

const COMPARISON =
  /(?<![\p{L}])(?:instead\s+of|versus|vs\.?|than|compared\s+(?:to|with)|против|вместо|чем|по\s+сравнению)(?![\p{L}])/iu;

/** Exceptions («кроме Москвы», "except Moscow") name what a number is not about. */
const EXCEPT = /(?<![\p{L}])(?:кроме|помимо|except|other\s+than|besides|outside)(?![\p{L}])/iu;

const MENTIONS = new WeakMap<SourceIndex, RecentCache<string, readonly Mention[]>>();
/**
 * The sources' distinctive names mentioned in a stretch of a reply (none after an exception): read once per
 * stretch, not once for each of the values in it.
 */
function distinctiveMentions(window: string, index: SourceIndex): readonly Mention[] {
  let cache = MENTIONS.get(index);
  if (cache === undefined) {
    cache = new RecentCache(64);
    MENTIONS.set(index, cache);
  }
  return cache.through(window, (text) =>
    EXCEPT.test(text) ? [] : mentionsOf(text, index.vocabulary).filter((mention) => index.isDistinctive(mention.key)),
  );
}

const skipSpacesBack = (text: string, end: number) => {
  let at = end;
  while (at > 0 && /\s/u.test(text.charAt(at - 1))) at -= 1;
  return at;
};

/**
 * True when the text ends in a name and a dash or colon («Оптима» —, "Maximum:"): what
 * `/[»"”]\s*[—–:-]\s*$|\p{Lu}[\p{L}\d-]*\s*[—–:]\s*$/u` matches, read backwards from the end (the pattern tries
 * every capital of the text, each try reading to its end).
 */
function endsWithName(text: string): boolean {
  const dash = skipSpacesBack(text, text.length);
  const mark = text.charAt(dash - 1);
  if (!'—–:-'.includes(mark) || dash === 0) return false;
  const end = skipSpacesBack(text, dash - 1);
  if ('»"”'.includes(text.charAt(end - 1)) && end > 0) return true;
  if (mark === '-') return false;
  // A run of letters, digits and hyphens ending there, with a capital in it (where the name starts).
  for (let at = end; at > 0;) {
    const low = text.charCodeAt(at - 1);
    const width = low >= 0xdc00 && low <= 0xdfff && at >= 2 ? 2 : 1;
    const character = text.slice(at - width, at);
    if (!/^[\p{L}\d-]$/u.test(character)) return false;
    if (/^\p{Lu}$/u.test(character)) return true;
    at -= width;
  }
  return false;
}

const LOCAL = new WeakMap<Quantity, ReadonlySet<string>>();
/** Content words before and after a value in a source passage that say what it is about. */
const WORDS_BEFORE = 8;
const WORDS_AFTER = 4;

/** What a value in a source passage is about: the words around it (not cut at brackets), with its section's heading. */
function localTerms(passage: Passage, quantity: Quantity): ReadonlySet<string> {
  let terms = LOCAL.get(quantity);
  if (terms === undefined) {
    // Counted in words that carry meaning: numbers and function words in between do not push the subject out.
    const words = (text: string) => termsOf(text).filter((term) => !/\d/.test(term));
    const before = words(passage.text.slice(0, quantity.start)).slice(-WORDS_BEFORE);
    const after = words(passage.text.slice(quantity.end)).slice(0, WORDS_AFTER);
    terms = new Set([...before, ...after, ...termsOf(sectionOf(passage.heading))].map(prefixOf));
    LOCAL.set(quantity, terms);
  }
  return terms;
}

const found = (terms: readonly string[], local: ReadonlySet<string>) =>
  new Set(terms.map(prefixOf).filter((term) => local.has(term)));

function checkEntity(claim: Extract<Claim, { kind: 'entity' }>, context: CheckContext): ClaimCheck {
  const { entity } = claim;
  const { index } = context;
  if (index.containsText(entity.text) || (context.customerText ?? '').toLowerCase().includes(entity.text.toLowerCase()))
    return supported(claim);
  if (entity.kind === 'code' || entity.kind === 'compound' || entity.kind === 'person' || entity.kind === 'address')
    return { claim, verdict: 'not-in-sources' };
  const terms = entity.key.split(' ').map(prefixOf);
  // A quoted label (a button, a section) must be one the sources name, in any inflection.
  if (entity.kind === 'quoted')
    return index.entityKeys.has(entity.key) || index.containsText(entity.text.replace(/[.!?]+$/u, ''))
      ? supported(claim)
      : { claim, verdict: 'not-in-sources' };
  if (entity.kind === 'menu')
    return terms.every((term) => index.hasTerm(term)) ? supported(claim) : { claim, verdict: 'not-in-sources' };
  const evidence = index.passages.find((passage) => {
    const heading = new Set(termsOf(passage.heading).map(prefixOf));
    return terms.every((term) => passage.terms.has(term) || heading.has(term));
  });
  return evidence === undefined ? { claim, verdict: 'not-in-sources' } : supported(claim, evidence.text);
}

function checkCommitment(
  claim: Extract<Claim, { kind: 'commitment' }>,
  sentence: string,
  index: SourceIndex,
): ClaimCheck {
  const { commitment } = claim;
  if (commitment.personal) return { claim, verdict: 'not-in-sources' };
  // What is promised is the verb or noun of the phrase, not "we'll" or «будет».
  const trigger = termsOf(commitment.text)
    .filter((term) => !AUXILIARY.has(term))
    .map(prefixOf);
  // What is promised: the promise's clause, with the clause before when it says too little
  // («…возьмите 500 ₽ — это бесплатно»).
  const { terms } = subjectTerms(sentence, claim.start, claim.text);
  // The sources saying this very thing will not happen («Стоимость доставки … не возвращается»).
  const said = new Set(terms.map(prefixOf));
  const denies = (subject: readonly string[]) =>
    subject.length > 0 &&
    subject.filter((term) => said.has(term)).length >= Math.max(1, Math.ceil((subject.length * 2) / 3));
  const denial = index.passages.find((passage) =>
    passage.commitments.some(
      (other) => other.negated && other.kind === commitment.kind && denies(subjectOf(passage.text, other)),
    ),
  );
  if (denial !== undefined) return { claim, verdict: 'contradicted', evidence: denial.text };
  let best: Passage | undefined;
  let bestScore = 0;
  for (const passage of index.passages) {
    const promises =
      passage.commitments.some((other) => other.kind === commitment.kind) ||
      trigger.some((term) => passage.terms.has(term));
    if (!promises) continue;
    const score = terms.length === 0 ? 1 : index.alignment(terms, passage);
    if (score > bestScore) {
      best = passage;
      bestScore = score;
    }
  }
  return best !== undefined && bestScore >= COMMITMENT_FLOOR
    ? supported(claim, best.text)
    : { claim, verdict: 'not-in-sources', evidence: best?.text };
}
