// Serves Swagger UI's files from the swagger-ui-dist package, so /docs needs no network; each is read and compressed
// once. Runtime: Node.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { StaticAsset, StaticAssets } from '../../core/ports/static-assets.ts';
import { compressedAsset } from './compressed-asset.ts';

// A Map, not an object: a name like `constructor` or `__proto__` must not find Object.prototype's members.
const FILES: ReadonlyMap<string, string> = new Map([
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
]);

/** Each file read and compressed once, on its first request. */
export function swaggerAssets(): StaticAssets {
  const directory = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
  const prepared = new Map<string, Promise<StaticAsset>>();
  return (name) => {
    const type = FILES.get(name);
    if (type === undefined) return Promise.resolve(undefined);
    let asset = prepared.get(name);
    if (asset === undefined) {
      asset = readFile(join(directory, name)).then((body) =>
        compressedAsset(new Uint8Array(body), { type, maxAgeSeconds: 86_400 }),
      );
      // A failed read is tried again on the next request.
      asset.catch(() => prepared.delete(name));
      prepared.set(name, asset);
    }
    return asset;
  };
}
