// Things a question names that the knowledge base knows nothing about ("bitcoin", «Калининград», "tp-link")
// and the chosen article does not mention: the reply says so plainly instead of answering as if it did.
// Only words that look like names count (a brand in Latin letters inside Russian, a capitalised word inside
// a sentence, an acronym, the word after "with"/«через»/«оплатить»), so ordinary words the articles happen not
// to use ("bedroom", «теперь») never do. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import { canonicalWord } from '../text/lexicon.ts';
import { normalize } from '../text/normalize.ts';
import { stem } from '../text/stem.ts';
import { isStopword } from '../text/stopwords.ts';
import { contentTerms } from '../text/terms.ts';
import { politeness } from '../graders/politeness.ts';
import { toCyrillic, toLatin } from '../text/transliterate.ts';

/** What the knowledge base knows: its terms, and whether a term has relatives (inflections, typos) there. */
export interface Vocabulary {
  has(term: string): boolean;
  /** Terms of the vocabulary close to this one (a shared stem prefix, one edit away). */
  relatives(term: string): readonly string[];
}

const TOKEN = /[\p{L}\d][\p{L}\d'’-]*/gu;
/** Words after which customers name a means or a product: "pay with X", «через X». */
const CUE = /^(?:через|помощью|with|via|through|using|sell|sells|support|supports)$/u;
/** Prepositions that name a place or a means only right before the name: "in sochi", not "in the bedroom". */
const NEAR_CUE = /^(?:to|from|in|on|at)$/u;
/** «Оплатить биткоином»: a pay verb, then a noun in the instrumental case. */
const PAY = /^(?:о?плат\p{L}*|заплат\p{L}*)$/u;
const INSTRUMENTAL = /(?:ом|ем|ой|ей|ами|ями)$/u;
/** Capitalised or upper-case words of general language, never a product or a place. */
const GENERAL = new Set(
  [
    ['i', 'bot', 'url', 'api', 'faq', 'pdf', 'id', 'http', 'https', 'www', 'json', 'ai', 'admin', 'system'],
    ['бот', 'ии', 'ооо', 'ип', 'ао', 'оао', 'зао', 'пао', 'рф', 'llc', 'inc', 'ltd', 'ok', 'ок'],
    ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
    ['january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december'],
  ].flat(),
);
/** Words between the cue and the name that do not break it. */
const FILLER = /^(?:мой|моя|мою|моё|мое|моей|моим|ваш|вашу|ваша|вашей|my|the|a|an|your|our)$/u;
/** Sentence starts: a capital there says nothing. */
const SENTENCE_START = /(?:^|[.!?…]\s+|\n\s*)$/u;

interface Token {
  readonly word: string;
  readonly original: string;
  readonly start: number;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(TOKEN)].map((match) => ({
    word: normalize(match[0]),
    original: match[0],
    start: match.index,
  }));
}

type Shape = 'name' | 'cued' | 'word';

/**
 * Whether the word, where it stands, is written like a name (an acronym, a Latin brand inside Russian, a
 * capital inside a sentence, letters then digits), only stands where names do ("pay with X"), or is a word.
 */
function shapeOf(tokens: readonly Token[], index: number, text: string, russian: boolean): Shape {
  const token = tokens[index] as Token;
  const { original, word } = token;
  if (GENERAL.has(word) || /['’]/u.test(original)) return 'word';
  // Part of markup or an identifier (</customer_message>, file_name, a.b): not something the customer names.
  if (
    /[_<>/.]$/u.test(text.slice(0, token.start)) ||
    /^[_<>/]|^\.\p{L}/u.test(text.slice(token.start + original.length))
  )
    return 'word';
  if (/^[\p{Lu}\d-]{2,}$/u.test(original) && /^\p{Lu}/u.test(original)) return 'name';
  if (/\p{L}\d/u.test(original)) return 'name';
  if (russian && /^[a-z][a-z0-9-]*$/iu.test(original)) return 'name';
  if (/^\p{Lu}/u.test(original) && !SENTENCE_START.test(text.slice(0, token.start))) return 'name';
  const previous = tokens[index - 1]?.word ?? '';
  if (NEAR_CUE.test(previous) || (PAY.test(previous) && INSTRUMENTAL.test(word))) return 'cued';
  for (let back = index - 1; back >= 0 && back >= index - 2; back -= 1) {
    const before = tokens[back]?.word ?? '';
    if (CUE.test(before)) return 'cued';
    if (!FILLER.test(before)) break;
  }
  return 'word';
}

/** Longest message the notice is given for: a long one is a story, not a question about one thing. */
export const MAX_QUESTION_CHARS = 300;
/**
 * Most names said back: more means the message is not a plain question (or is an attempt to make the bot say
 * things).
 */
export const MAX_ABSENT = 2;

/** Whether a word may be said back to the customer: not a code or number, not rude. */
function speakable(word: string): boolean {
  if ((word.match(/\d/g) ?? []).length > 1 || word.length > 24) return false;
  const { features } = politeness(word);
  return (features.profanity ?? 0) + (features.insult ?? 0) === 0;
}

/**
 * The question's name-like words unknown to the whole knowledge base (not a misspelling or another form of a
 * word it knows) and absent from the article, as the customer wrote them.
 */
export function absentTerms(question: string, article: readonly Chunk[], vocabulary: Vocabulary): string[] {
  const inArticle = new Set(
    article
      .flatMap((chunk) =>
        contentTerms(`${chunk.title}\n${chunk.headingPath.join('\n')}\n${chunk.tags.join('\n')}\n${chunk.text}`),
      )
      .map((term) => term.slice(0, 5)),
  );
  if (question.length > MAX_QUESTION_CHARS) return [];
  const tokens = tokensOf(question);
  const russian = /[\p{Script=Cyrillic}]/u.test(question);
  const absent: string[] = [];
  tokens.forEach((token, index) => {
    const { word } = token;
    if (word.length < 3 || /^\d/.test(word) || isStopword(word)) return;
    const shape = shapeOf(tokens, index, question, russian);
    if (shape === 'word') return;
    const parts = word.split('-').filter((part) => part.length > 0);
    const known = (part: string) => {
      const spellings = [part, toLatin(part), toCyrillic(part)].map((spelling) => stem(canonicalWord(spelling)));
      // A name is looked for in the article; a cued word also anywhere in the knowledge base, typos included.
      return spellings.some(
        (spelling) =>
          inArticle.has(spelling.slice(0, 5)) ||
          (shape === 'cued' && (vocabulary.has(spelling) || vocabulary.relatives(spelling).length > 0)),
      );
    };
    if (
      parts.every(known) ||
      (parts.length > 1 &&
        parts.some((part) => !/\d/.test(part) && known(part)) &&
        !parts.some((part) => /\p{L}\d|\d\p{L}/u.test(part)))
    )
      return;
    if (!absent.includes(token.original)) absent.push(token.original);
  });
  return absent.length > MAX_ABSENT || !absent.every(speakable) ? [] : absent;
}
