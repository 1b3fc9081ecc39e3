// Global setup of the Workers API lane: builds the Worker's static assets (UI, Swagger UI, migrations, prompts, the
// knowledge generation) as wrangler.toml's [build] does before `wrangler dev`, unless they are there already.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export default function setup(): void {
  if (existsSync('dist/workers/assets/_firstline/knowledge/CURRENT') && process.env.FIRSTLINE_REBUILD !== '1') return;
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-workers.ts'], { stdio: 'inherit' });
}
