// Global setup of the Workers API lane: builds the Worker's static assets (UI, Swagger UI, migrations, prompts, the
// knowledge generation) as wrangler.toml's [build] does before `wrangler dev`, so the lane tests what the code is now.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-workers.ts'], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
