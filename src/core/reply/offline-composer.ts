// The offline answer composer: a house-style reply at chat length from the best article, no model needed:
// greeting, acknowledgement, what the article says about the question (with the steps when asked how), what
// to do if it does not help (a person, here), thanks. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import type { Lang } from '../text/lang.ts';
import { extractAnswer } from './answer-extract.ts';
import { ABSENT_NOTICE, ACKNOWLEDGE, APOLOGIZE, CLOSING, CONTINUATION, GREETING, GREETING_NAMED, IF_NOT_HELPED_DEFAULT, MORE_IN_ARTICLE, phrase } from './phrases.ts';

export interface ComposeInput {
  readonly lang: Lang;
  readonly article: ScoredArticle;
  /** Every chunk of the article in document order. */
  readonly articleChunks: readonly Chunk[];
  readonly firstReply: boolean;
  readonly customerName?: string | undefined;
  /** The customer reported a fault: acknowledge with an apology. */
  readonly problem: boolean;
  /** Varies the wording between turns, deterministically. */
  readonly seed: number;
  /** The customer's message: what the answer is chosen for. */
  readonly question?: string | undefined;
  /** The question's search terms with their readings in the knowledge base's vocabulary (typos, inflections). */
  readonly questionTerms?: readonly string[] | undefined;
  /** Things the question names that the knowledge base does not cover: said plainly first. */
  readonly absent?: readonly string[] | undefined;
  /** A draft for an agent to send: no offer to pass the customer to a specialist. */
  readonly draft?: boolean | undefined;
  /** Follows sentences the customer already has (a model's verified start): no greeting or acknowledgement. */
  readonly continuation?: boolean | undefined;
}

export interface ComposedReply {
  readonly text: string;
  /** The bot's own sentences (greeting, acknowledgement, closing), listed or recognised: not checked for groundedness. */
  readonly exempt: readonly string[] | ((sentence: string) => boolean);
  /** Article text the reply is built from. */
  readonly sources: readonly string[];
}

const FALLBACK_HEADING = /не помогл|не получилось|if (?:this|that|it) (?:did not|didn't|does not|doesn't) help|still/i;

function isFallbackSection(chunk: Chunk): boolean {
  return FALLBACK_HEADING.test(chunk.headingPath.at(-1) ?? '') && chunk.headingPath.length > 1;
}

/** The article's sections to answer from, in document order: never the "if it did not help" section. */
function answerChunks(articleChunks: readonly Chunk[]): Chunk[] {
  const usable = articleChunks.filter((chunk) => !isFallbackSection(chunk));
  return usable.length > 0 ? usable : articleChunks.slice(0, 1);
}

/** Greeting (first reply only), acknowledgement or apology, the answer, a person if it does not help, thanks. */
export function composeOffline(input: ComposeInput): ComposedReply {
  const { lang, seed } = input;
  const opening: string[] = [];
  if (input.continuation === true) opening.push(phrase(CONTINUATION, lang, seed));
  else {
    if (input.firstReply) opening.push(input.customerName === undefined ? phrase(GREETING, lang, seed) : phrase(GREETING_NAMED, lang, seed, { name: input.customerName }));
    opening.push(phrase(input.problem ? APOLOGIZE : ACKNOWLEDGE, lang, seed));
  }
  const named = input.absent ?? [];
  const absent = named.length === 0 ? [] : [phrase(ABSENT_NOTICE, lang, seed, { term: named.join(lang === 'ru' ? '», «' : ', ') })];
  const answer = extractAnswer({ question: input.question ?? input.article.title, chunks: answerChunks(input.articleChunks), preferred: input.article.chunks.map((entry) => entry.chunk.id), expanded: input.questionTerms, problem: input.problem });
  const steps = answer.steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  const more = answer.partial ? phrase(MORE_IN_ARTICLE, lang, seed, { link: input.article.url ?? `«${input.article.title}»` }) : '';
  // If it does not help, the customer can have a person right here: no other channel to go and find. An agent's
  // draft is already written by that person.
  const ifNotHelped = input.draft === true ? '' : phrase(IF_NOT_HELPED_DEFAULT, lang, seed);
  const closing = phrase(CLOSING, lang, seed);
  const body = [answer.sentences.join(' '), steps].filter((part) => part !== '').join('\n');
  const text = [[...opening, ...absent].join(' '), body, more, [ifNotHelped, closing].filter((part) => part !== '').join(' ')].filter((part) => part !== '').join('\n\n');
  return { text, exempt: [...opening, ...absent, more, ifNotHelped, closing].filter((part) => part !== ''), sources: answer.sources };
}
