// The knowledge index on Workers: the current generation is read lazily, once per isolate, from static assets or R2
// (`firstline publish --workers`), and swapped atomically: the pointer is checked again at most every `refreshMs`, a
// new generation is loaded whole before any request sees it, and requests already running keep the one they began
// with. A generation that fails to load leaves the previous one serving. Runtime: any.
import type { Logger } from '../../core/ports/logger.ts';
import { decodeGeneration, type DecodedGeneration } from '../../core/retrieval/index-codec.ts';
import { GENERATION_NAME, KNOWLEDGE } from './bundle-layout.ts';

/** Reads one file of the layout; undefined when there is none. */
export type LayoutReader = (path: string) => Promise<Uint8Array | undefined>;

export interface Generations<Loaded> {
  /** The current generation, loading or swapping as needed. */
  current(): Promise<Loaded>;
}

export function knowledgeGenerations<Loaded>(options: {
  readonly read: LayoutReader;
  /** Builds what requests use (index, retriever, pipeline) from a decoded generation. */
  readonly build: (generation: string, decoded: DecodedGeneration, articles: Uint8Array) => Promise<Loaded>;
  readonly refreshMs: number;
  readonly clock: () => number;
  readonly logger: Logger;
}): Generations<Loaded> {
  let serving: { readonly generation: string; readonly loaded: Loaded } | undefined;
  let checkedAt = Number.NEGATIVE_INFINITY;
  let pending: Promise<void> | undefined;

  const text = new TextDecoder();
  const load = async (generation: string) => {
    const files = await Promise.all(KNOWLEDGE.files.map((name) => options.read(KNOWLEDGE.file(generation, name))));
    const [manifest, chunks, vectors, lexical, articles] = files;
    if (manifest === undefined || chunks === undefined || vectors === undefined || lexical === undefined)
      throw new Error(`knowledge generation ${generation} is incomplete (publish it again)`);
    const decoded = decodeGeneration({
      manifest: text.decode(manifest),
      chunks: text.decode(chunks),
      vectors,
      lexical,
    });
    if (decoded === undefined)
      throw new Error(`knowledge generation ${generation} was written in another index format (ingest again)`);
    return options.build(generation, decoded, articles ?? new TextEncoder().encode('{}'));
  };

  const check = async () => {
    const pointer = await options.read(KNOWLEDGE.pointer);
    const generation = pointer === undefined ? undefined : text.decode(pointer).trim();
    if (generation === undefined || !GENERATION_NAME.test(generation))
      throw new Error(`no knowledge generation is published (${KNOWLEDGE.pointer} is missing or invalid)`);
    checkedAt = options.clock();
    if (generation === serving?.generation) return;
    const loaded = await load(generation);
    const previous = serving?.generation;
    serving = { generation, loaded };
    options.logger.info({ generation, previous }, 'knowledge generation loaded');
  };

  return {
    async current() {
      if (serving !== undefined && options.clock() - checkedAt < options.refreshMs) return serving.loaded;
      pending ??= check()
        .catch((error: unknown) => {
          if (serving === undefined) throw error;
          // A generation is serving: it goes on serving, and the pointer is tried again after the next interval.
          checkedAt = options.clock();
          options.logger.warn(
            { err: error },
            'a new knowledge generation could not be loaded; the previous one serves',
          );
        })
        .finally(() => {
          pending = undefined;
        });
      // The first load is awaited; later checks run beside the request, which keeps the generation it found.
      if (serving === undefined) await pending;
      if (serving === undefined) throw new Error('no knowledge generation could be loaded');
      return serving.loaded;
    },
  };
}
