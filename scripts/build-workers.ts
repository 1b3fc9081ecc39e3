// `npm run build:workers` (and wrangler.toml's [build], so `npx wrangler dev` builds first): ingests the knowledge
// base as `firstline ingest` does (reusing what is unchanged), then writes the Worker's static assets to
// dist/workers/assets: the web UI, Swagger UI, and under _firstline/ the migrations, prompts and knowledge generation.
import { parseConfig } from '../src/core/config/config.ts';
import { ingestKnowledge } from '../src/platform/node/knowledge-service.ts';
import { writeWorkersAssets } from '../src/platform/node/workers-bundle.ts';

const out = process.argv[2] ?? 'dist/workers/assets';
const config = parseConfig(process.env);
const run = await ingestKnowledge(config);
const files = await writeWorkersAssets(config, run.stored, out);
const total = files.reduce((sum, file) => sum + file.bytes, 0);
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const file of files) console.log(`${file.path.padEnd(60)} ${kib(file.bytes).padStart(10)}`);
console.log(
  `wrote ${files.length} files (${kib(total)}) to ${out}; knowledge ${run.stored.generation}, ${run.stats.chunks} chunks`,
);
