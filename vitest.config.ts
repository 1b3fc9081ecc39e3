import { cloudflareTest } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

// The Workers lane runs workerd from npm, locally: nothing is sent to Cloudflare.
process.env.WRANGLER_SEND_METRICS ??= 'false';

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-artifacts/vitest-report.json' }]],
    projects: [
      {
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/workers/**'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
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
    ],
  },
});
