// Answers to a clarifying question: which of the numbered options a customer's reply picks ("1", «второе», "the
// last one", the option's title, or an `optionId` from a quick-reply button), and which question it settles.
// Pure functions over the history. The store's recent history has no reply metadata, so a clarifying question's
// options are also read back from its own numbered list. Option ids are the list's numbers. Runtime: any.
import type { ClarifyOption, Message } from '../conversation/conversation.ts';
import type { Lang } from '../text/lang.ts';
import { words } from '../text/normalize.ts';
import { contentTerms } from '../text/terms.ts';
import { CLARIFY_CLOSING } from './phrases.ts';

/** Ordinal words by the option they name; `-1` is the last one. Normalised (lower case, «ё» as «е»). */
const ORDINALS: ReadonlyArray<readonly [number, readonly string[]]> = [
  [1, ['первый', 'первое', 'первая', 'первую', 'первого', 'первой', 'first', '1st']],
  [2, ['второй', 'второе', 'вторая', 'вторую', 'второго', 'second', '2nd']],
  [3, ['третий', 'третье', 'третья', 'третью', 'третьего', 'третьей', 'third', '3rd']],
  [-1, ['последний', 'последнее', 'последняя', 'последнюю', 'последнего', 'последней', 'last']],
];

/**
 * Words that may surround the choice in a short reply without making it a sentence about something else:
 * pointers ("option", «вариант», "the one"), politeness, and "I'd like / мне нужен". Anything else (a verb,
 * a noun, a second number) means the number or ordinal belongs to an ordinary sentence: «второй раз пишу».
 */
const FILLER = new Set(
  [
    'вариант варианта варианту пункт пункта номер номером ответ под цифрой цифра это этот эта то тот та который',
    'да ок окей хорошо давайте давай пожалуйста спасибо мне меня нужен нужна нужно нужен интересует выбираю я про',
    "option number no choice item answer the one a it is its it's that this i i'd id like want need choose pick",
    "let's lets go with please thanks thank you ok okay yes yeah about",
  ]
    .join(' ')
    .split(' '),
);

/** A reply longer than this is a new message, not a choice, however it is worded. */
const MAX_CHOICE_WORDS = 6;

/** Share of shared content terms (Jaccard) at which a reply reads as an option's title. */
const LABEL_SIMILARITY = 0.75;

/** The options a clarifying question offers, numbered from 1 in the order of its list; ids are those numbers. */
export function clarifyOptions(articles: ReadonlyArray<{ readonly articleId: string; readonly title: string }>) {
  return articles.map((article, index): ClarifyOption => ({
    id: String(index + 1),
    label: article.title,
    articleId: article.articleId,
  }));
}

/** An article by its exact title, for reading a clarifying question's list back from its text. */
export type ArticleByTitle = (title: string) => { readonly articleId: string; readonly lang: Lang } | undefined;

/** A clarifying question the customer may be answering: its message, options and language. */
export interface PendingClarify {
  readonly message: Message;
  readonly options: readonly ClarifyOption[];
  readonly lang: Lang;
}

const LISTED = /^(\d{1,2})\. (.+)$/;
const CLOSINGS = new Set(Object.values(CLARIFY_CLOSING).flat());

/**
 * The options as the question's text lists them: numbered lines (1., 2., …), each an article's exact title,
 * right before the closing «Напишите номер варианта…». For histories read without reply metadata.
 */
function listedOptions(text: string, articleByTitle: ArticleByTitle): PendingClarify['options'] | undefined {
  const lines = text.split('\n');
  const closing = lines.findIndex((line) => CLOSINGS.has(line.trim()));
  if (closing < 1) return undefined;
  const listed: ClarifyOption[] = [];
  for (let index = closing - 1; index >= 0; index -= 1) {
    const match = LISTED.exec(lines[index]?.trim() ?? '');
    const article = match?.[2] === undefined ? undefined : articleByTitle(match[2]);
    if (match === null || article === undefined) break;
    listed.unshift({ id: match[1] ?? '', label: match[2] ?? '', articleId: article.articleId });
  }
  const numbered = listed.length > 0 && listed.every((option, index) => option.id === String(index + 1));
  return numbered ? listed : undefined;
}

/**
 * The clarifying question a new message answers: the last message, when it is a bot reply offering options.
 * Its `options` metadata when the history carries it, else its numbered list read back from the text.
 */
export function pendingClarify(
  history: readonly Message[],
  articleByTitle?: ArticleByTitle,
): PendingClarify | undefined {
  const last = history.at(-1);
  if (last?.role !== 'bot') return undefined;
  const meta = last.reply;
  if (meta != null) {
    const options = meta.options ?? [];
    return meta.action === 'clarify' && options.length > 0 ? { message: last, options, lang: meta.lang } : undefined;
  }
  const listed = articleByTitle === undefined ? undefined : listedOptions(last.text, articleByTitle);
  const lang = listed?.[0] === undefined ? undefined : articleByTitle?.(listed[0].label)?.lang;
  return listed === undefined || lang === undefined ? undefined : { message: last, options: listed, lang };
}

/** The option with this id in the pending clarifying question, if there is one. */
export function optionById(history: readonly Message[], optionId: string): ClarifyOption | undefined {
  return pendingClarify(history)?.options.find((option) => option.id === optionId);
}

const ordinalOf = (word: string): number | undefined => {
  const digits = /^(\d{1,2})(?:-?(?:st|nd|rd|th|й|я|е|ю|ый|ий|ой|ое|ая|ую|ье|ья))?$/u.exec(word);
  if (digits?.[1] !== undefined) return Number(digits[1]);
  return ORDINALS.find(([, forms]) => forms.includes(word))?.[0];
};

/** The option a short reply names by number or ordinal: "1", "1.", "№2", «вариант 2», «второе», "the last one". */
function byPosition(text: string, options: readonly ClarifyOption[]): ClarifyOption | undefined {
  // «№» would fold to "No" and stick to its number.
  const tokens = words(text.replace(/[№#]/g, ' '));
  if (tokens.length === 0 || tokens.length > MAX_CHOICE_WORDS) return undefined;
  const rest = tokens.filter((token) => !FILLER.has(token));
  if (rest.length !== 1 || rest[0] === undefined) return undefined;
  const position = ordinalOf(rest[0]);
  if (position === undefined) return undefined;
  return position === -1 ? options.at(-1) : position >= 1 ? options[position - 1] : undefined;
}

/** The option whose title the reply repeats (a quick-reply button sends it), closely enough and unambiguously. */
function byLabel(text: string, options: readonly ClarifyOption[]): ClarifyOption | undefined {
  const terms = new Set(contentTerms(text));
  if (terms.size === 0) return undefined;
  const scored = options.map((option) => {
    const label = new Set(contentTerms(option.label));
    const shared = [...terms].filter((term) => label.has(term)).length;
    return { option, similarity: shared / (terms.size + label.size - shared) };
  });
  const [best, second] = scored.sort((a, b) => b.similarity - a.similarity);
  if (best === undefined || best.similarity < LABEL_SIMILARITY) return undefined;
  return second !== undefined && second.similarity === best.similarity ? undefined : best.option;
}

/** Which of the options the customer's text picks, if it picks one; undefined for an ordinary message. */
export function chooseOption(text: string, options: readonly ClarifyOption[]): ClarifyOption | undefined {
  return byPosition(text, options) ?? byLabel(text, options);
}

/** A customer's answer to a clarifying question: the option, and the question it was asked about. */
export interface OptionChoice {
  readonly option: ClarifyOption;
  /** The customer's message the clarifying question replied to: the one to answer now. */
  readonly question: Message;
  /** Messages before that question, oldest first. */
  readonly history: readonly Message[];
  /** The clarifying question's language: "2" says nothing about the customer's. */
  readonly lang: Lang;
}

/**
 * The choice a message makes, when the message right before it is a clarifying question with options: by
 * `optionId` (a button), else by its text. Undefined when it makes none, or the question it settles is gone.
 */
export function optionChoice(
  request: { readonly history: readonly Message[]; readonly text: string; readonly optionId?: string | undefined },
  articleByTitle?: ArticleByTitle,
): OptionChoice | undefined {
  const { history } = request;
  const clarify = pendingClarify(history, articleByTitle);
  if (clarify === undefined) return undefined;
  const { options } = clarify;
  const option =
    (request.optionId === undefined ? undefined : options.find((entry) => entry.id === request.optionId)) ??
    chooseOption(request.text, options);
  if (option === undefined) return undefined;
  const asked = history.findIndex((message) => message.id === clarify.message.replyTo);
  const position = asked >= 0 ? asked : history.findLastIndex((message) => message.role === 'customer');
  const question = history[position];
  if (question === undefined || question.role !== 'customer') return undefined;
  return { option, question, history: history.slice(0, position), lang: clarify.lang };
}
