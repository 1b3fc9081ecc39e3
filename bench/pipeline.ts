// `npm run bench:pipeline`: the offline reply pipeline's own cost per message, in one thread with nothing else
// running (detectors, retrieval, confidence, composition, groundedness), over the retrieval and first-questions
// sets. Prints the median of several rounds, in ms per reply, and a digest of the replies.
// Usage: npm run bench:pipeline [-- --rounds 7]
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';
import { createReplyPipeline } from '../src/platform/node/services.ts';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '7' } } });
const rounds = Number(values.rounds);
const config = parseConfig(process.env);
const knowledge = await openKnowledge(config);
const quiet = { info() {}, warn() {}, error() {} };
const pipeline = createReplyPipeline(config, knowledge, quiet);
const questions: string[] = [];
for (const file of ['evals/retrieval.yaml', 'evals/first-questions.yaml']) {
  const suite = parseSuite(file, await readFile(file, 'utf8').catch(() => 'suite: none\ncases: []\n'));
  for (const entry of suite.cases) questions.push(...entry.turns.map((turn) => turn.customer));
}
const conversation = (index: number) => ({
  id: `bench-${index}`,
  lang: null,
  customer: {},
  channel: 'api',
  status: 'bot' as const,
  createdAt: '',
  updatedAt: '',
});

async function round(): Promise<{ ms: number; digest: string }> {
  const hash = createHash('sha256');
  const started = performance.now();
  for (const [index, text] of questions.entries()) {
    const reply = await pipeline.reply({ conversation: conversation(index), history: [], text });
    hash.update(reply.text);
  }
  return { ms: (performance.now() - started) / questions.length, digest: hash.digest('hex').slice(0, 7) };
}

await round();
const results: number[] = [];
let digest = '';
for (let index = 0; index < rounds; index += 1) {
  const result = await round();
  results.push(result.ms);
  digest = result.digest;
}
results.sort((left, right) => left - right);
const median = results[Math.floor(results.length / 2)] ?? 0;
process.stdout.write(
  `pipeline: ${questions.length} messages × ${rounds} rounds, median ${median.toFixed(3)} ms per reply (min ${results[0]?.toFixed(3)}, max ${results.at(-1)?.toFixed(3)}), replies ${digest}\n`,
);
