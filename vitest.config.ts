import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { createServer } from 'node:net';
import { defineConfig } from 'vitest/config';

// The Workers lane runs workerd from npm, locally: nothing is sent to Cloudflare.
process.env.WRANGLER_SEND_METRICS ??= 'false';

/** A free port on 127.0.0.1 for the Workers LLM lane's scripted model server (its global setup listens on it). */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return typeof address === 'object' && address !== null ? address.port : 0;
}
process.env.FIRSTLINE_WORKERS_FAKE_OPENAI_PORT ??= String(await freePort());

/**
 * Test files that assert on timings compared within the run (linear time, a bystander's latency under a flood, the
 * soak's memory ceiling): they run last, each in a fresh process, with the machine to themselves.
 */
const TIMED = [
  'test/linear-time.test.ts',
  'test/linear-time-verification.test.ts',
  'src/core/text/pii.test.ts',
  'test/http/flood.test.ts',
  'test/soak.test.ts',
];

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/workers/**', 'test/workers-api/**', 'test/workers-llm/**', ...TIMED],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          // Files share one process, one after another: starting a process and importing the modules for each file
          // was more than half the suite's wall time. Tests leave no state behind (each opens its own store, server
          // and temporary folder); the timed files below still get a fresh process each.
          isolate: false,
        },
      },
      {
        // Files that compare timings measured in the same run: alone on the machine, after everything else.
        test: {
          name: 'node-timed',
          include: TIMED,
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          sequence: { groupOrder: 1 },
        },
      },
      {
        // The Workers lane: the same stores on a Durable Object's SQLite, in workerd (no network, no account).
        plugins: [cloudflareTest({ wrangler: { configPath: './test/workers/wrangler.toml' } })],
        test: { name: 'workers', include: ['test/workers/**/*.test.ts'], testTimeout: 30_000 },
      },
      {
        // The Worker itself (wrangler.toml): its API, pages and cron against the desk object, on workerd.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { ADMIN_TOKEN: 'test-admin-token', RETENTION_DAYS: '30' } },
          }),
        ],
        test: {
          name: 'workers-api',
          include: ['test/workers-api/**/*.test.ts'],
          globalSetup: ['test/support/build-workers-assets.ts'],
          testTimeout: 30_000,
        },
      },
      {
        // The Worker with a model: @langchain/openai in workerd against a scripted OpenAI-compatible server on 127.0.0.1.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              bindings: {
                OPENAI_BASE_URL: `http://127.0.0.1:${process.env.FIRSTLINE_WORKERS_FAKE_OPENAI_PORT}/v1`,
                OPENAI_API_KEY: 'test-key',
                OPENAI_MODEL: 'fake-chat',
                LLM_TIMEOUT_MS: '5000',
                ADMIN_TOKEN: 'test-admin-token',
              },
            },
          }),
        ],
        test: {
          name: 'workers-llm',
          include: ['test/workers-llm/**/*.test.ts'],
          globalSetup: ['test/support/build-workers-assets.ts', 'test/support/workers-fake-openai.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
});
