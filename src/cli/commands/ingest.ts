// `firstline ingest [--knowledge DIR] [--index DIR]`: builds or updates the knowledge index. Runtime: Node.
import { parseArgs } from 'node:util';
import { parseConfig } from '../../core/config/config.ts';
import { ingestKnowledge } from '../../platform/node/knowledge-service.ts';
import { progressBar } from '../progress.ts';

export async function ingestCommand(args: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { knowledge: { type: 'string' }, index: { type: 'string' } },
    strict: true,
  });
  const config = parseConfig({
    ...env,
    KNOWLEDGE_DIR: values.knowledge ?? env.KNOWLEDGE_DIR,
    INDEX_DIR: values.index ?? env.INDEX_DIR,
  });
  const run = await ingestKnowledge(config, { onProgress: progressBar('embedding') });
  const { stats } = run;
  process.stdout.write(
    `ingested ${stats.articles} articles (${stats.changedArticles} new or changed, ${stats.removedArticles} removed) ` +
      `into ${stats.chunks} chunks: ${stats.embedded} embedded, ${stats.reused} reused, ` +
      `${run.seconds.toFixed(2)} s → ${config.INDEX_DIR} (${run.stored.generation}, ${run.stored.snapshot.manifest.embedder.id})\n`,
  );
  return 0;
}
