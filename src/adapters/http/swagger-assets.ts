// Serves Swagger UI's files from the swagger-ui-dist package, so /docs needs no network. Runtime: Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

// A Map, not an object: a name like `constructor` or `__proto__` must not find Object.prototype's members.
const FILES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

export function swaggerAssets(): (name: string) => Promise<Response | undefined> {
  const directory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  return async (name) => {
    const type = FILES.get(name);
    if (type === undefined) return undefined;
    const body = await readFile(join(directory, name));
    return new Response(new Uint8Array(body), {
      headers: { 'content-type': type, 'cache-control': 'public, max-age=86400' },
    });
  };
}
