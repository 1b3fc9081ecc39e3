// Where the Worker finds what Node reads from disk: files the build (scripts/build-workers.ts) lays out beside the
// static assets under a hidden prefix, and a knowledge generation as `firstline publish --workers` lays it out in R2.
// The Worker answers 404 for the prefix, so none of it is public. Runtime: any.

/** Static-asset paths under this prefix are read only by the Worker itself (`run_worker_first` in wrangler.toml). */
export const HIDDEN_PREFIX = '/_firstline/';

export const BUNDLE = {
  /** `[{ version, name, sql }]`, the SQL migrations in order. */
  migrations: 'migrations.json',
  /** `{ name: text }`, the prompt files the LLM paths use. */
  prompts: 'prompts.json',
} as const;

/** A knowledge generation: the pointer names the current one; its files sit in a folder of that name. */
export const KNOWLEDGE = {
  pointer: 'knowledge/CURRENT',
  file: (generation: string, name: string) => `knowledge/${generation}/${name}`,
  /** The runtime-free files of `core/retrieval/index-codec.ts` and the articles' texts for `/kb/:id`. */
  files: ['manifest.json', 'chunks.json', 'vectors.bin', 'lexical.bin', 'articles.json'],
} as const;

/** A generation name as the index store makes them (`gen-…`): the only kind ever read from a pointer. */
export const GENERATION_NAME = /^gen-[\w-]{1,60}$/;
