// `npm run bench:api`: starts Firstline on the offline defaults, opens 50 conversations, and drives it from a
// second process with 50 concurrent customers; a trivial endpoint (/healthz) of the same server is the ceiling.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startServerProcess } from '../test/support/server-process.ts';

const run = promisify(execFile);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 12_000);
const directory = await mkdtemp(join(tmpdir(), 'firstline-bench-api-'));
const server = await startServerProcess({
  DATA_DIR: join(directory, 'data'),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
  RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
  ...(process.env.SQLITE_SYNCHRONOUS === undefined ? {} : { SQLITE_SYNCHRONOUS: process.env.SQLITE_SYNCHRONOUS }),
});
try {
  // Many short conversations (three messages each while the run lasts), as on a real help desk. Enough of
  // them that a faster server does not push more messages into each conversation: later messages hit the
  // loop detector and handed-off conversations, whose posts are cheaper, and would flatter the figures.
  const conversations: Array<{ id: string; token: string }> = [];
  for (let batch = 0; batch < CONVERSATIONS; batch += 25) {
    const opened = await Promise.all(
      Array.from({ length: Math.min(25, CONVERSATIONS - batch) }, async () => (await fetch(`${server.url}/v1/conversations`, { method: 'POST' })).json() as Promise<{ id: string; token: string }>),
    );
    conversations.push(...opened);
  }
  const file = join(directory, 'conversations.json');
  await writeFile(file, JSON.stringify(conversations));
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'bench/api-load.ts', server.url, file, String(SECONDS)], { maxBuffer: 1 << 20 });
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
    ceiling: { requestsPerSecond: number; p50: number; p99: number; errors: number; total: number };
    messages: { requestsPerSecond: number; p50: number; p99: number; errors: number; total: number };
  };
  const ratio = result.messages.requestsPerSecond / result.ceiling.requestsPerSecond;
  const summary = { customer: 0, bot: 0, handedOff: 0 };
  for (const conversation of conversations) {
    const body = (await (await fetch(`${server.url}/v1/conversations/${conversation.id}`, { headers: { authorization: `Bearer ${conversation.token}` } })).json()) as { status: string; messages: Array<{ role: string }> };
    summary.customer += body.messages.filter((message) => message.role === 'customer').length;
    summary.bot += body.messages.filter((message) => message.role === 'bot').length;
    if (body.status !== 'bot') summary.handedOff += 1;
  }
  process.stdout.write(
    [
      `Machine: ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GiB, Node ${process.version}; ${CUSTOMERS} connections, ${SECONDS} s each; ${conversations.length} conversations; SQLite synchronous=${process.env.SQLITE_SYNCHRONOUS ?? 'full'}; REPLY_WORKERS=${process.env.REPLY_WORKERS ?? 'auto'}.`,
      '',
      '| endpoint | requests/s | p50 (ms) | p99 (ms) | errors | requests |',
      '|---|---:|---:|---:|---:|---:|',
      `| GET /healthz (ceiling) | ${result.ceiling.requestsPerSecond.toFixed(0)} | ${result.ceiling.p50} | ${result.ceiling.p99} | ${result.ceiling.errors} | ${result.ceiling.total} |`,
      `| POST /v1/conversations/:id/messages | ${result.messages.requestsPerSecond.toFixed(0)} | ${result.messages.p50} | ${result.messages.p99} | ${result.messages.errors} | ${result.messages.total} |`,
      '',
      `Messages throughput is ${(ratio * 100).toFixed(1)} % of the ceiling.`,
      `After the run: ${summary.bot} bot replies to ${summary.customer} customer messages (${((100 * summary.bot) / Math.max(1, summary.customer)).toFixed(0)} %); ${summary.handedOff} of ${conversations.length} conversations were handed to a person.`,
    ].join('\n') + '\n',
  );
} finally {
  await server.stop();
  await rm(directory, { recursive: true, force: true });
}
