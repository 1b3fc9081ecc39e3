// A static file prepared once for serving: its brotli and gzip forms and its ETag (a SHA-256 prefix). Runtime: Node.
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { StaticAsset } from '../../core/ports/static-assets.ts';

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

export async function compressedAsset(
  body: Uint8Array,
  options: { readonly type: string; readonly maxAgeSeconds: number; readonly crossOrigin?: boolean },
): Promise<StaticAsset> {
  const [br, gz] = await Promise.all([
    brotli(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipped(body, { level: 9 }),
  ]);
  return {
    ...options,
    body,
    brotli: new Uint8Array(br),
    gzip: new Uint8Array(gz),
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`,
  };
}
