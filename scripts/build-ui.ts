// `npm run build`: writes the web UI's scripts and styles to dist/ui (for runtimes that serve static files)
// and prints each file's size, raw and gzipped. The Node server does not need it: it builds in memory at start.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildUi } from '../src/adapters/http/ui-bundle.ts';

const out = join('dist', 'ui');
await mkdir(out, { recursive: true });
const files = await buildUi();
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const file of files) {
  await writeFile(join(out, file.name), file.body);
  console.log(
    `${file.name.padEnd(14)} ${kib(file.body.length).padStart(10)}  gzip ${kib(gzipSync(file.body).length).padStart(9)}`,
  );
}
console.log(`wrote ${files.length} files to ${out}`);
