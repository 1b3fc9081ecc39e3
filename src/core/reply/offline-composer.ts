// The offline answer composer: a house-style reply at chat length from the best article, no model needed:
// greeting, acknowledgement, what the article says about the question (with the steps when asked how), what
// to do if it does not help (a person, here), thanks. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import type { Lang } from '../text/lang.ts';
import { extractAnswer } from './answer-extract.ts';
import { answerFrame } from './customer-texts.ts';

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
  const answer = extractAnswer({
    question: input.question ?? input.article.title,
    chunks: answerChunks(input.articleChunks),
    preferred: input.article.chunks.map((entry) => entry.chunk.id),
    expanded: input.questionTerms,
    problem: input.problem,
  });
  const frame = answerFrame({
    lang,
    seed,
    firstReply: input.firstReply,
    name: input.customerName,
    problem: input.problem,
    continuation: input.continuation === true,
    absent: input.absent ?? [],
    draft: input.draft === true,
    moreIn: answer.partial ? (input.article.url ?? `«${input.article.title}»`) : undefined,
  });
  const steps = answer.steps.map((step, index) => `${index + 1}. ${step}`).join('\n');
  const body = [answer.sentences.join(' '), steps].filter((part) => part !== '').join('\n');
  const ending = [frame.ifNotHelped, frame.closing].filter((part) => part !== '').join(' ');
  const text = [[...frame.opening, ...frame.absent].join(' '), body, frame.more, ending]
    .filter((part) => part !== '')
    .join('\n\n');
  return {
    text,
    exempt: [...frame.opening, ...frame.absent, frame.more, frame.ifNotHelped, frame.closing].filter(
      (part) => part !== '',
    ),
    sources: answer.sources,
  };
}
