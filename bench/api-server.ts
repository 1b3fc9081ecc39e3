// A Firstline server of one checkout (the working tree or a worktree of a ref) for `npm run bench:api`:
// offline defaults, a fresh DATA_DIR, an agent token, and a probe that reports the heap after a full GC.
// Started with that checkout's own test/support/server-process.ts and test/run-cli.ts.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type * as RunCli from '../test/run-cli.ts';
import type * as ServerProcessModule from '../test/support/server-process.ts';
import { onExit } from './exit-cleanup.ts';

export interface HeapSample {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  readonly dataDir: string;
  readonly agentToken: string;
  /** process.memoryUsage() of the server's main thread after a full GC. */
  heap(): Promise<HeapSample>;
  stop(): Promise<void>;
}

const PROBE = fileURLToPath(new URL('server-probe.mjs', import.meta.url));
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What the server inherits: the offline path (no model), limits out of the way, quiet logs. */
export function serverEnv(directory: string): Record<string, string> {
  const passThrough = Object.fromEntries(
    ['SQLITE_SYNCHRONOUS', 'REPLY_WORKERS'].flatMap((key) =>
      process.env[key] === undefined ? [] : [[key, process.env[key] ?? '']],
    ),
  );
  return {
    DATA_DIR: join(directory, 'data'),
    LOG_LEVEL: 'warn',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '10000000',
    // The load generator is one address: it must not be held to one customer's share of requests in flight.
    MESSAGES_IN_FLIGHT_PER_ADDRESS: '100000',
    REPLY_QUEUE_LIMIT: '100000',
    // Thousands of simulated customers arrive from the generator's one address.
    CONVERSATIONS_PER_ADDRESS_PER_HOUR: '10000000',
    HANDOFFS_PER_SOURCE_PER_HOUR: '10000000',
    // Empty counts as unset: the offline composer even when the caller's environment has a key.
    OPENAI_API_KEY: '',
    OPENAI_MODEL: '',
    OPENAI_BASE_URL: '',
    OPENAI_EMBEDDINGS_MODEL: '',
    ...passThrough,
  };
}

export async function startBenchServer(root: string, directory: string): Promise<BenchServer> {
  for (const file of ['test/support/server-process.ts', 'test/run-cli.ts', 'bin/firstline.mjs']) {
    if (!existsSync(join(root, file))) throw new Error(`${root} has no ${file}: this benchmark starts servers with it`);
  }
  const env = serverEnv(directory);
  const { runCli } = (await import(pathToFileURL(join(root, 'test/run-cli.ts')).href)) as typeof RunCli;
  const added = await runCli(['agents', 'add', 'Bench Agent', '--role', 'agent'], env);
  const agentToken = /^token: (\S+)$/m.exec(added.stdout)?.[1];
  if (added.code !== 0 || agentToken === undefined)
    throw new Error(`firstline agents add failed (${added.code}):\n${added.stdout}${added.stderr}`);

  const probeFile = join(directory, 'probe.json');
  const { startServerProcess } = (await import(
    pathToFileURL(join(root, 'test/support/server-process.ts')).href
  )) as typeof ServerProcessModule;
  const server = await startServerProcess({
    ...env,
    BENCH_PROBE_FILE: probeFile,
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${pathToFileURL(PROBE).href}`.trim(),
  });
  const pid = server.child.pid;
  if (pid === undefined) throw new Error('the server has no pid');
  const stop = onExit(async () => {
    const exited = new Promise<void>((resolve) =>
      server.child.exitCode !== null || server.child.signalCode !== null
        ? resolve()
        : server.child.once('exit', () => resolve()),
    );
    void server.stop();
    // Open connections can keep a graceful close waiting: give it a few seconds, then kill.
    if ((await Promise.race([exited.then(() => true), delay(8000).then(() => false)])) === false) {
      server.child.kill('SIGKILL');
      await exited;
    }
  });
  let probes = 0;
  return {
    url: server.url,
    pid,
    dataDir: env.DATA_DIR ?? '',
    agentToken,
    async heap() {
      probes += 1;
      process.kill(pid, 'SIGUSR2');
      for (let waited = 0; waited < 10_000; waited += 20) {
        await delay(20);
        const sample = await readFile(probeFile, 'utf8').then(
          (text) => JSON.parse(text) as HeapSample & { sequence: number },
          () => undefined,
        );
        if (sample !== undefined && sample.sequence === probes) return sample;
      }
      throw new Error('the server did not answer the heap probe (SIGUSR2) within 10 s');
    },
    stop,
  };
}
