// The offline answer composer: builds a house-style reply from the best article's passages, no model needed. Runtime: any.
import type { Chunk } from '../knowledge/chunk.ts';
import type { ScoredArticle } from '../retrieval/hybrid-retriever.ts';
import type { Lang } from '../text/lang.ts';
import { ACKNOWLEDGE, APOLOGIZE, CLOSING, CONTINUATION, GREETING, GREETING_NAMED, IF_NOT_HELPED, IF_NOT_HELPED_DEFAULT, phrase } from './phrases.ts';
import { sentencesOf } from './groundedness.ts';

export interface ComposeInput {
  readonly lang: Lang;
  readonly article: ScoredArticle;
  /** Every chunk of the article in document order (for the "if it did not help" section). */
  readonly articleChunks: readonly Chunk[];
  readonly firstReply: boolean;
  readonly customerName?: string | undefined;
  /** The customer reported a fault: acknowledge with an apology. */
  readonly problem: boolean;
  /** Varies the wording between turns, deterministically. */
  readonly seed: number;
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

/** Longest body taken from the article, in characters; whole lines only. */
export const MAX_BODY_CHARS = 1100;
const FALLBACK_HEADING = /не помогл|не получилось|if (?:this|that|it) (?:did not|didn't|does not|doesn't) help|still/i;

function fitLines(text: string, limit: number): string {
  const lines = text.split('\n');
  const kept: string[] = [];
  let length = 0;
  for (const line of lines) {
    if (kept.length > 0 && length + line.length + 1 > limit) break;
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n').trim();
}

function isFallbackSection(chunk: Chunk): boolean {
  return FALLBACK_HEADING.test(chunk.headingPath.at(-1) ?? '') && chunk.headingPath.length > 1;
}

/** Picks the passages to quote: the best chunk, plus the next-best of the same article when it adds steps. */
/** Longest article introduction quoted ahead of the best section (introductions answer the main question first). */
const MAX_INTRO_CHARS = 600;

function bodyOf(article: ScoredArticle, articleChunks: readonly Chunk[]): { body: string; used: Chunk[] } {
  const ranked = article.chunks.map((entry) => entry.chunk).filter((chunk) => !isFallbackSection(chunk));
  const best = ranked[0] ?? article.chunks[0]?.chunk;
  if (best === undefined) return { body: '', used: [] };
  const used = [best];
  const intro = articleChunks.find((chunk) => chunk.headingPath.length === 1);
  const second = ranked[1];
  const secondScore = article.chunks.find((entry) => entry.chunk === second)?.scores.fused ?? 0;
  if (intro !== undefined && intro.id !== best.id && intro.text.length <= MAX_INTRO_CHARS) used.push(intro);
  else if (second !== undefined && secondScore >= article.scores.fused * 0.8 && best.text.length + second.text.length < MAX_BODY_CHARS) used.push(second);
  used.sort((left, right) => Number(left.id.split('#')[1]) - Number(right.id.split('#')[1]));
  const parts = used.map((chunk) => (used.length > 1 && chunk.headingPath.length > 1 ? `${chunk.headingPath.at(-1)}:\n${chunk.text}` : chunk.text));
  return { body: fitLines(parts.join('\n\n'), MAX_BODY_CHARS), used };
}

function fallbackAdvice(chunks: readonly Chunk[], used: readonly Chunk[]): string | undefined {
  const section = chunks.find((chunk) => isFallbackSection(chunk) && !used.includes(chunk));
  if (section === undefined) return undefined;
  const sentences = sentencesOf(section.text).slice(0, 2);
  return sentences.length === 0 ? undefined : sentences.join(' ');
}

/** Greeting (first reply only), acknowledgement or apology, the article's steps, what to do if it fails, thanks. */
export function composeOffline(input: ComposeInput): ComposedReply {
  const { lang, seed } = input;
  const own: string[] = [];
  const opening: string[] = [];
  if (input.continuation === true) opening.push(phrase(CONTINUATION, lang, seed));
  else if (input.firstReply) {
    const greeting = input.customerName === undefined ? phrase(GREETING, lang, seed) : phrase(GREETING_NAMED, lang, seed, { name: input.customerName });
    opening.push(greeting);
  }
  if (input.continuation !== true) opening.push(phrase(input.problem ? APOLOGIZE : ACKNOWLEDGE, lang, seed));
  own.push(...opening);
  const { body, used } = bodyOf(input.article, input.articleChunks);
  const advice = fallbackAdvice(input.articleChunks, used);
  const ifNotHelped = advice === undefined ? phrase(IF_NOT_HELPED_DEFAULT, lang, seed) : phrase(IF_NOT_HELPED, lang, seed, { text: advice });
  if (advice === undefined) own.push(ifNotHelped);
  else own.push(ifNotHelped.slice(0, ifNotHelped.indexOf(advice)).trim());
  const closing = phrase(CLOSING, lang, seed);
  own.push(closing);
  const sources = [...used.map((chunk) => chunk.text), ...(advice === undefined ? [] : [advice])];
  return { text: [opening.join(' '), body, ifNotHelped, closing].join('\n\n'), exempt: own, sources };
}
