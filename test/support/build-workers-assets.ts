// Global setup of the Workers API and LLM lanes: builds the Worker's static assets (UI, Swagger UI, migrations,
// prompts, the knowledge generation) as wrangler.toml's [build] does before `wrangler dev`, so the lanes test what the
// code is now. Once per run, whichever lane asks first.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  if (process.env.FIRSTLINE_WORKERS_ASSETS_BUILT === '1') return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-workers.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  process.env.FIRSTLINE_WORKERS_ASSETS_BUILT = '1';
}
