// Splits an article into chunks by heading, within a token budget, with overlap for long sections. Runtime: any.
import type { Tokenizer } from '../ports/tokenizer.ts';
import type { Article } from './article.ts';
import type { Chunk } from './chunk.ts';

export interface ChunkingOptions {
  /** Token budget of one chunk's section text. */
  readonly maxTokens: number;
  /** Tokens repeated from the end of one window at the start of the next when a section is split. */
  readonly overlapTokens: number;
}

export const DEFAULT_CHUNKING: ChunkingOptions = { maxTokens: 300, overlapTokens: 40 };

interface Section {
  readonly headings: readonly string[];
  readonly text: string;
}

const HEADING = /^(#{1,6})\s+(.+?)\s*#*\s*$/;

function sectionsOf(article: Article): Section[] {
  const sections: Section[] = [];
  const stack: string[] = [];
  let buffer: string[] = [];
  const flush = (): void => {
    const text = buffer.join('\n').trim();
    if (text.length > 0) sections.push({ headings: [article.title, ...stack], text });
    buffer = [];
  };
  let inFence = false;
  for (const line of article.body.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : HEADING.exec(line);
    if (!match) {
      buffer.push(line);
      continue;
    }
    flush();
    const level = (match[1] ?? '#').length;
    const heading = match[2] ?? '';
    if (level === 1) {
      stack.length = 0;
      if (heading.trim() !== article.title.trim()) stack.push(heading);
      continue;
    }
    stack.length = Math.min(stack.length, level - 2);
    stack.push(heading);
  }
  flush();
  return sections;
}

/** Splits text into sentence-like units: list items and paragraphs first, then sentences. */
function unitsOf(text: string): string[] {
  return text
    .split(/\n(?=\s*(?:[-*+]|\d+[.)])\s)|\n{2,}/)
    .flatMap((block) => block.split(/(?<=[.!?…])\s+(?=[\p{Lu}\d«"(])/u))
    .map((unit) => unit.trim())
    .filter((unit) => unit.length > 0);
}

function windowsOf(text: string, tokenizer: Tokenizer, options: ChunkingOptions): string[] {
  if (tokenizer.count(text) <= options.maxTokens) return [text];
  const units = unitsOf(text).map((unit) => ({ unit, tokens: tokenizer.count(unit) }));
  const windows: string[] = [];
  let current: typeof units = [];
  let tokens = 0;
  for (const item of units) {
    if (current.length > 0 && tokens + item.tokens > options.maxTokens) {
      windows.push(current.map((entry) => entry.unit).join('\n'));
      const overlap: typeof units = [];
      let overlapTokens = 0;
      for (let index = current.length - 1; index >= 0; index -= 1) {
        const entry = current[index];
        if (entry === undefined || overlapTokens + entry.tokens > options.overlapTokens) break;
        overlap.unshift(entry);
        overlapTokens += entry.tokens;
      }
      current = overlap;
      tokens = overlapTokens;
    }
    current.push(item);
    tokens += item.tokens;
  }
  if (current.length > 0) windows.push(current.map((entry) => entry.unit).join('\n'));
  return windows;
}

/**
 * Chunks an article: one chunk per section, long sections split into windows of at most
 * `maxTokens` (a single over-long sentence stays whole) overlapping by up to `overlapTokens`.
 */
export function chunkArticle(
  article: Article,
  tokenizer: Tokenizer,
  options: ChunkingOptions = DEFAULT_CHUNKING,
): Chunk[] {
  const chunks: Chunk[] = [];
  for (const section of sectionsOf(article)) {
    for (const text of windowsOf(section.text, tokenizer, options)) {
      chunks.push({
        id: `${article.id}#${chunks.length}`,
        articleId: article.id,
        title: article.title,
        headingPath: section.headings,
        lang: article.lang,
        topic: article.topic,
        url: article.url,
        handoff: article.handoff === 'always',
        tags: article.tags,
        text,
        tokens: tokenizer.count(text),
      });
    }
  }
  return chunks;
}
