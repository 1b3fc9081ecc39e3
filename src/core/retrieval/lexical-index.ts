// Builds the BM25 index of chunks: title, headings and tags count double, body text once. Runtime: any.
import { chunkHeaderText, type Chunk } from '../knowledge/chunk.ts';
import { contentTerms, type WeightedTerm } from '../text/terms.ts';
import { Bm25Builder, type Bm25Index } from './bm25-index.ts';

const HEADER_WEIGHT = 2;

export function chunkLexicalTerms(chunk: Chunk): WeightedTerm[] {
  return [
    ...contentTerms(chunkHeaderText(chunk)).map((term) => ({ term, weight: HEADER_WEIGHT })),
    ...contentTerms(chunk.text).map((term) => ({ term, weight: 1 })),
  ];
}

/** Indexes chunks in order, so a hit's label is the chunk's position. */
export function buildLexicalIndex(chunks: readonly Chunk[]): Bm25Index {
  const builder = new Bm25Builder();
  for (const chunk of chunks) builder.add(chunkLexicalTerms(chunk), chunk.lang);
  return builder.build();
}
