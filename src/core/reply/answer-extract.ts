// Chooses what of an article answers the question at chat length: the sentence that answers it best first,
// then what else bears on it, and the steps of the matching section when the customer asks how. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import { normalize } from '../text/normalize.ts';
import { alternation, alternatives } from '../text/pattern.ts';
import { contentTerms } from '../text/terms.ts';
import { plainSentence, segmentsOf } from '../verification/segments.ts';

/** Longest answer in characters before steps: with the greeting and closing, a reply fits a phone screen. */
export const ANSWER_CHARS = 280;
/** With steps, the sentences before them are kept shorter still. */
export const LEAD_CHARS_WITH_STEPS = 240;
/** Most steps quoted from a list. */
export const MAX_STEPS = 7;

const HOW_WORDS = [
  String.raw`как(?!\s+(?:долго|быстро|скоро|часто))|каким образом|что делать|что нужно сделать|что сделать`,
  String.raw`куда нажать|где (?:найти|нажать|поменять|изменить|посмотреть)`,
  String.raw`how(?!\s+(?:much|many|long|soon|fast|often|old))|what (?:do|should|can) i do|what are the steps|steps`,
  String.raw`where (?:do|can) i|walk me through`,
];
const HOW = new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(HOW_WORDS)})(?![\p{L}])`, 'iu');
const PRICE_WORDS = [
  String.raw`сколько|цен\p{L}*|стоимост\p{L}*|стои\p{L}*|стоят|почём|почем`,
  String.raw`how much|price\p{L}*|cost\p{L}*|fees?|charge\p{L}*`,
];
const PRICE = new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(PRICE_WORDS)})(?![\p{L}])`, 'iu');
const TIME_WORDS = [
  String.raw`когда|как долго|как быстро|сколько (?:дней|времени|ждать)|какой срок|срок\p{L}*`,
  String.raw`when|how long|how soon|how fast|what time|hours`,
];
const TIME = new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(TIME_WORDS)})(?![\p{L}])`, 'iu');
const AMOUNT =
  /\d[\d\s]*(?:[.,]\d+)?\s*(?:₽|руб|\$|usd|eur|€|%)|(?:\$|€)\s?\d|бесплатн|free of charge|for free|\bfree\b/iu;
const DURATION = alternation(
  [
    String.raw`\d+\s*(?:минут|час|дн|день|недел|месяц|рабоч|minute|hour|day|week|month|business)|\d{1,2}:\d{2}`,
    String.raw`(?:сразу|мгновенно|immediately|instantly|straight away)`,
  ],
  'iu',
);
const CONTACT_WORDS = [
  String.raw`телефон\p{L}*|номер\p{L}*|почт\p{L}*|e-?mail|адрес\p{L}*|контакт\p{L}*|позвонить`,
  String.raw`phones?|numbers?|address\p{L}*|contacts?|call`,
];
const CONTACT_QUESTION = new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(CONTACT_WORDS)})(?![\p{L}])`, 'iu');
const CONTACT = /\+?\d[\d\s()-]{7,}\d|[\w.+-]+@[\w-]+\.[\w.]+|https?:\/\//u;
/** An instruction: «нажмите», «подождите», "tap", "go to". What a customer with a problem needs first. */
const INSTRUCTION_WORDS = [
  String.raw`\p{L}{3,}(?:ите|йте)`,
  String.raw`tap|press|click|open|go to|choose|select|enter|wait|check|restart|reboot|unplug|plug|turn (?:off|on)`,
  String.raw`make sure|try|request|type|set`,
];
const INSTRUCTION = new RegExp(String.raw`(?<![\p{L}])(?:${alternatives(INSTRUCTION_WORDS)})(?![\p{L}])`, 'iu');
const LIST_ITEM = /^\s*(?:\d{1,2}[.)]|[-*•])\s+/u;
/** Headings that ask or point rather than state ("How to…", "If this did not help"): never quoted as an answer. */
const NOT_A_STATEMENT =
  /[?:]$|^(?:как|что|где|когда|почему|зачем|если|куда|какие|какой|how|what|where|when|why|if|which)(?![\p{L}])/iu;

export interface Extract {
  /** The answer's sentences, as written in the article: the best first, then the others in the article's order. */
  readonly sentences: readonly string[];
  /** List items to quote after them (a how-question with steps in the article). */
  readonly steps: readonly string[];
  /** The texts quoted, for grounding. */
  readonly sources: readonly string[];
  /** True when the article has more on the matter than was quoted. */
  readonly partial: boolean;
}

interface Candidate {
  readonly text: string;
  readonly order: number;
  readonly terms: ReadonlySet<string>;
  /** Terms of the section's heading, which every sentence of the section is about. */
  readonly context: ReadonlySet<string>;
  readonly item: boolean;
  readonly lead: boolean;
  readonly section: number;
}

interface Section {
  readonly items: readonly string[];
  /** The list is numbered: steps to follow, not a list of conditions. */
  readonly ordered: boolean;
  readonly heading: ReadonlySet<string>;
  readonly body: ReadonlySet<string>;
}

/** A "how do I…" question, which wants steps. */
export const asksHow = (question: string) => HOW.test(normalize(question));

const key = (term: string) => term.slice(0, 5);
const termsOf = (text: string) => new Set(contentTerms(text).map(key));

/**
 * The text's sentences, except that a list item keeps the sentences that go on with it on its line
 * ("3. Enter the code. It works for 5 minutes.").
 */
function unitsOf(text: string): Array<{ text: string }> {
  const units: Array<{ text: string; gap: string }> = [];
  for (const segment of segmentsOf(text)) {
    const last = units.at(-1);
    if (last !== undefined && LIST_ITEM.test(last.text) && !last.gap.includes('\n') && !LIST_ITEM.test(segment.text))
      units[units.length - 1] = { text: `${last.text}${last.gap}${segment.text}`, gap: segment.gap };
    else units.push({ text: segment.text, gap: segment.gap });
  }
  return units;
}

function read(chunks: readonly Chunk[]): { candidates: Candidate[]; sections: Section[] } {
  const candidates: Candidate[] = [];
  const sections: Section[] = [];
  chunks.forEach((chunk, section) => {
    const items: string[] = [];
    let ordered = false;
    const heading = chunk.headingPath.length > 1 ? (chunk.headingPath.at(-1) ?? '') : '';
    // The article's lead paragraph is about what its title says.
    const context = termsOf(chunk.headingPath.at(-1) ?? '');
    const order = (index: number) => section * 1000 + index;
    // A heading that states a fact ("Тариф «Оптима» — 690 ₽ в месяц") answers as well as any sentence.
    if (heading !== '' && /\d/.test(heading) && !NOT_A_STATEMENT.test(heading.trim()))
      candidates.push({
        text: `${heading.trim()}.`,
        order: order(0),
        terms: context,
        context,
        item: false,
        lead: true,
        section,
      });
    unitsOf(chunk.text).forEach((segment, index) => {
      const text = plainSentence(segment.text);
      const item = LIST_ITEM.test(segment.text);
      // An introduction to a list ("Check the following:") or a question the article asks ("Forgot your password?")
      // answers nothing.
      if (!/[\p{L}\d]/u.test(text) || /:$/.test(text.trim()) || (!item && /\?$/.test(text.trim()))) return;
      if (item) items.push(text);
      if (item && /^\s*\d/u.test(segment.text)) ordered = true;
      candidates.push({
        text,
        order: order(index + 1),
        terms: termsOf(text),
        context,
        item,
        lead: index === 0,
        section,
      });
    });
    sections.push({ items, ordered, heading: context, body: termsOf(chunk.text) });
  });
  return { candidates, sections };
}

/**
 * The sentences of an article that answer the question: question words weighted by how rare they are in the
 * article (a word in the section's heading counts half), an amount when the customer asks what something
 * costs, a duration when they ask when, a phone or address when they ask how to reach us, an instruction when
 * they report a fault or ask how; at most {@link ANSWER_CHARS} together. A how-question gets the steps of the
 * section that matches it.
 */
export interface ExtractRequest {
  readonly question: string;
  /** The article's sections in document order. */
  readonly chunks: readonly Chunk[];
  /** Chunk ids retrieval ranked first. */
  readonly preferred?: readonly string[] | undefined;
  /** The vocabulary's readings of the question's words (typos, other forms). */
  readonly expanded?: readonly string[] | undefined;
  /** The customer reported a fault: what to do comes first. */
  readonly problem?: boolean | undefined;
}

/** Most characters of sentences for a message that asks two things ("how do I book a visit and what does it cost?"). */
export const TWO_PART_CHARS = 400;

/** Words that open a further question after «и», «а также», "and", "also". */
const QUESTION_START = [
  'как|сколько|когда|где|что|чем|можно|нужно|будет',
  'how|what|when|where|can|do|does|is|will|should',
];
const PART_BREAK = alternation(
  [
    String.raw`\?+\s*`,
    String.raw`[,;]?\s+(?:и|а|а также|and|also|plus)\s+(?=(?:${alternatives(QUESTION_START)})(?![\p{L}]))`,
  ],
  'iu',
);

/**
 * The answer to each thing the message asks: the first part as {@link extractOne}, and for each further part
 * ("…and what does it cost?") its best sentence, read with the whole message's words, if not already quoted.
 */
export function extractAnswer(request: ExtractRequest): Extract {
  const parts = request.question
    .split(PART_BREAK)
    .map((part) => part.trim())
    .filter((part) => /\p{L}{2,}/u.test(part));
  if (parts.length < 2) return extractOne(request);
  // Each part gets its own sentences: the first part must leave room for the others.
  const first = extractOne({
    ...request,
    question: parts[0] ?? request.question,
    expanded: [...(request.expanded ?? []), ...contentTerms(request.question)],
  });
  const sentences = [...first.sentences];
  let length = sentences.join(' ').length;
  for (const part of parts.slice(1)) {
    const more = extractOne({
      ...request,
      question: part,
      expanded: [...(request.expanded ?? []), ...contentTerms(request.question)],
      single: true,
    });
    const sentence = more.sentences.find(
      (candidate) => !sentences.includes(candidate) && !first.steps.includes(candidate),
    );
    if (sentence === undefined || length + sentence.length > TWO_PART_CHARS) continue;
    sentences.push(sentence);
    length += sentence.length + 1;
  }
  return { ...first, sentences, sources: [...sentences, ...first.steps] };
}

function extractOne(request: ExtractRequest & { readonly single?: boolean }): Extract {
  const { question, chunks, preferred = [], expanded = [] } = request;
  const normalized = normalize(question);
  const wantsAmount = PRICE.test(normalized);
  const wantsTime = TIME.test(normalized);
  const wantsContact = CONTACT_QUESTION.test(normalized);
  const wantsInstruction = request.problem === true || asksHow(question);
  // "How much", «сколько стоит»: the kind of answer wanted, not its subject (the amount cue stands for them).
  const cues = termsOf(
    [...normalized.matchAll(new RegExp(`${PRICE.source}|${TIME.source}`, 'giu'))].map((match) => match[0]).join(' '),
  );
  const wanted = new Set([...termsOf(question), ...expanded.map(key)].filter((term) => !cues.has(term)));
  // Steps for "how do I…", and for a fault the customer reports («лампочка горит красным»): both need what to do.
  const how = request.single !== true && (asksHow(question) || request.problem === true);
  const { candidates, sections } = read(chunks);
  const frequency = new Map<string, number>();
  for (const candidate of candidates)
    for (const term of new Set([...candidate.terms, ...candidate.context]))
      frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const weight = (term: string) => Math.log(1 + candidates.length / (frequency.get(term) ?? candidates.length));
  const possible = [...wanted].reduce((sum, term) => sum + (frequency.has(term) ? weight(term) : 0), 0);
  const relevanceOf = (terms: ReadonlySet<string>, context: ReadonlySet<string>) => {
    if (possible === 0) return 0;
    let matched = 0;
    for (const term of wanted) matched += terms.has(term) ? weight(term) : context.has(term) ? weight(term) / 2 : 0;
    return matched / possible;
  };
  const rank = (section: number) => {
    const position = preferred.indexOf(chunks[section]?.id ?? '');
    return position === 0 ? 0.2 : position === 1 ? 0.1 : 0;
  };
  // A question about what the whole article is about ("how much are your plans?") is answered by its summary.
  const aboutArticle = relevanceOf(termsOf(chunks[0]?.title ?? ''), new Set());
  // A sentence is read with its section: one about the question's subject in the section that is about it wins.
  const sectionRelevance = sections.map((section) => relevanceOf(section.heading, section.body));
  const scored = candidates
    .map((candidate) => {
      const cue =
        (wantsAmount && AMOUNT.test(candidate.text) ? 0.35 : 0) +
        (wantsTime && DURATION.test(candidate.text) ? 0.35 : 0) +
        (wantsContact && CONTACT.test(candidate.text) ? 0.35 : 0) +
        (wantsInstruction && INSTRUCTION.test(candidate.text) ? 0.25 : 0);
      const relevance =
        relevanceOf(candidate.terms, candidate.context) + 0.5 * (sectionRelevance[candidate.section] ?? 0) + cue;
      // The article's first sentence sums it up; a section's first sentence states its point; list items are steps.
      const prior =
        (candidate.order === 1 ? 0.2 + 0.3 * aboutArticle : 0) +
        (candidate.lead ? 0.1 : 0) +
        rank(candidate.section) -
        (candidate.item ? 0.25 : 0);
      return { candidate, relevance, score: relevance + prior };
    })
    .sort((left, right) => right.score - left.score || left.candidate.order - right.candidate.order);

  const home = how ? stepsSection(sections, relevanceOf, rank) : undefined;
  const steps = home === undefined ? [] : (sections[home]?.items ?? []).slice(0, MAX_STEPS);
  const budget = steps.length > 0 ? LEAD_CHARS_WITH_STEPS : ANSWER_CHARS;
  const best = scored.find(
    (entry) => !steps.includes(entry.candidate.text) && (home === undefined || !entry.candidate.item),
  );
  const chosen: Candidate[] = [];
  let length = 0;
  if (best !== undefined) {
    // The sentence right after the best one in its section usually goes on with it ("If the SMS has not come, wait…").
    const next = scored.find(
      (entry) =>
        entry.candidate.section === best.candidate.section && entry.candidate.order === best.candidate.order + 1,
    );
    for (const entry of [
      best,
      ...(next === undefined ? [] : [next]),
      ...scored.filter((other) => other !== best && other !== next),
    ]) {
      if (chosen.length >= 3) break;
      if (steps.includes(entry.candidate.text) || chosen.some((candidate) => candidate.text === entry.candidate.text))
        continue;
      // Nothing new: every word of it is already in what was chosen («Тариф «Старт» — 490 ₽ в месяц» after the
      // list of plans).
      if (
        chosen.length > 0 &&
        [...entry.candidate.terms].every((term) => chosen.some((candidate) => candidate.terms.has(term)))
      )
        continue;
      if (
        entry !== best &&
        (entry.relevance <= 0 ||
          entry.candidate.item ||
          entry.score < 0.5 * best.score ||
          length + entry.candidate.text.length > budget)
      )
        continue;
      chosen.push(entry.candidate);
      length += entry.candidate.text.length + 1;
    }
  }
  const [first, ...rest] = chosen;
  const sentences =
    first === undefined
      ? []
      : [first, ...rest.sort((left, right) => left.order - right.order)].map((entry) => entry.text);
  return {
    sentences,
    steps,
    sources: [...sentences, ...steps],
    partial: sentences.length + steps.length < candidates.length,
  };
}

/** The section whose steps answer a how-question: the best match among sections with a list of two or more. */
function stepsSection(
  sections: readonly Section[],
  relevanceOf: (terms: ReadonlySet<string>, context: ReadonlySet<string>) => number,
  rank: (section: number) => number,
): number | undefined {
  let best: { index: number; score: number } | undefined;
  sections.forEach((section, index) => {
    if (section.items.length < 2) return;
    // The heading says what the steps are for: its words count in full, the body's by half. Numbered lists are steps.
    const score = relevanceOf(section.heading, section.body) + rank(index) + (section.ordered ? 0.3 : 0);
    if (best === undefined || score > best.score) best = { index, score };
  });
  return best !== undefined && best.score > 0 ? best.index : undefined;
}
