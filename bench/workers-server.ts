// The Worker under `wrangler dev` (local workerd, no account, no network) for `npm run bench:workers`: the same
// settings as the Node bench server (limits out of the way, offline path), a fresh local state directory, and an agent
// created through the Worker's admin route. Its pid is wrangler's, whose process tree includes workerd.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { serverEnv, type BenchServer } from './api-server.ts';
import { onExit } from './exit-cleanup.ts';

const ADMIN_TOKEN = 'bench-admin-token';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startWorkersServer(root: string, directory: string): Promise<BenchServer> {
  const port = await freePort();
  const settings = { ...serverEnv(directory), ADMIN_TOKEN };
  delete (settings as Record<string, string | undefined>).DATA_DIR;
  const vars = Object.entries(settings).flatMap(([key, value]) => (value === '' ? [] : ['--var', `${key}:${value}`]));
  const bin = createRequire(import.meta.url).resolve('wrangler/bin/wrangler.js');
  const persist = join(directory, 'wrangler-state');
  const child = spawn(
    process.execPath,
    [bin, 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--log-level', 'warn', ...vars],
    { cwd: root, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const stop = onExit(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  });
  // Ready when the desk answers: the build, workerd's start and the first migration are behind it.
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${output}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`wrangler dev was not ready within 120 s:\n${output}`);
    }
    const ready = await fetch(`${url}/readyz`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) break;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  const created = await fetch(`${url}/v1/admin/agents`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Bench Agent', role: 'agent' }),
  });
  if (created.status !== 201) throw new Error(`the admin route answered ${created.status}: ${await created.text()}`);
  const { token } = (await created.json()) as { token: string };
  return {
    url,
    pid: child.pid ?? 0,
    dataDir: persist,
    agentToken: token,
    heap: () => Promise.reject(new Error('workerd has no heap probe')),
    stop,
  };
}
