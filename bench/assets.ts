// `npm run bench:assets [-- --base REF] [--rounds N]`: a crowd of 200 concurrent downloads of Swagger UI's 1.7 MB
// bundle from one address (browser-like Accept-Encoding) while /healthz is polled, against a server of the working
// tree and, with --base, of another ref, alternately. Reports per run: how long the crowd took, bytes per download,
// how many were refused, and /healthz latency during the crowd (median, worst). Loopback, this machine.
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startBenchServer } from './api-server.ts';
import { addWorktree } from './git-worktree.ts';

const CROWD = 200;
const BUNDLE = '/docs/assets/swagger-ui-bundle.js';

interface Fetched {
  readonly status: number;
  readonly bytes: number;
  readonly ms: number;
}

function get(url: string, path: string, headers: Record<string, string> = {}): Promise<Fetched> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = request({ hostname, port, path, headers, agent: false }, (res) => {
      let bytes = 0;
      res.on('data', (chunk: Buffer) => (bytes += chunk.length));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, ms: performance.now() - started }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const quantile = (values: readonly number[], share: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(share * values.length))] ?? 0;

async function crowd(url: string) {
  let done = false;
  const health: number[] = [];
  const polling = (async () => {
    while (!done) {
      health.push((await get(url, '/healthz')).ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  })();
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: CROWD }, () => get(url, BUNDLE, { 'accept-encoding': 'gzip, deflate, br' })),
  );
  const crowdMs = performance.now() - started;
  done = true;
  await polling;
  const served = results.filter((result) => result.status === 200);
  return {
    crowdMs: Math.round(crowdMs),
    served: served.length,
    refused: results.filter((result) => result.status === 429).length,
    kbEach: Math.round((served[0]?.bytes ?? 0) / 1024),
    healthP50: Math.round(quantile(health, 0.5)),
    healthMax: Math.round(Math.max(...health)),
  };
}

const { values } = parseArgs({ options: { base: { type: 'string' }, rounds: { type: 'string', default: '2' } } });
const rounds = Number(values.rounds);
const sides: Array<{ label: string; root: string; remove?: () => Promise<void> }> = [
  { label: 'working tree', root: process.cwd() },
];
if (values.base !== undefined) {
  const tree = await addWorktree(process.cwd(), values.base);
  sides.unshift({ label: `${values.base} (${tree.commit.slice(0, 7)})`, root: tree.root, remove: tree.remove });
}
const rows: Array<Record<string, string | number>> = [];
for (let round = 1; round <= rounds; round += 1) {
  for (const side of sides) {
    const directory = await mkdtemp(join(tmpdir(), 'firstline-bench-assets-'));
    const server = await startBenchServer(side.root, directory);
    try {
      // Cold: the first downloads also read (and, where it is done, compress) the file; warm: it is ready.
      rows.push({ side: side.label, round, run: 'cold', ...(await crowd(server.url)) });
      rows.push({ side: side.label, round, run: 'warm', ...(await crowd(server.url)) });
    } finally {
      await server.stop();
      await rm(directory, { recursive: true, force: true });
    }
  }
}
for (const side of sides) await side.remove?.();
console.table(rows);
