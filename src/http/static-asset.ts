// Static files (the web UI's bundles, Swagger UI) as the HTTP layer serves them: compressed once by the adapter that
// holds them, answered with the encoding the client accepts, and with 304 for a copy the client already has, so a
// crowd downloading the same megabyte costs memory copies, not compression or disk reads. Runtime: any.
import type { StaticAsset } from '../core/ports/static-assets.ts';

/** True when `header` (Accept-Encoding) accepts `coding` with a non-zero quality. */
function accepts(header: string, coding: string): boolean {
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.trim().toLowerCase().split(';');
    if (name.trim() !== coding) continue;
    const quality = parameters.map((entry) => entry.trim()).find((entry) => entry.startsWith('q='));
    return quality === undefined || Number(quality.slice(2)) > 0;
  }
  return false;
}

export function assetResponse(request: Request, asset: StaticAsset): Response {
  const headers: Record<string, string> = {
    etag: asset.etag,
    'cache-control': `public, max-age=${asset.maxAgeSeconds}`,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (asset.crossOrigin === true) headers['access-control-allow-origin'] = '*';
  const known = request.headers.get('if-none-match');
  if (known !== null && known.split(',').some((tag) => tag.trim().replace(/^W\//, '') === asset.etag))
    return new Response(null, { status: 304, headers });
  const encodings = request.headers.get('accept-encoding') ?? '';
  let body = asset.body;
  if (asset.brotli !== undefined && accepts(encodings, 'br')) {
    body = asset.brotli;
    headers['content-encoding'] = 'br';
  } else if (asset.gzip !== undefined && accepts(encodings, 'gzip')) {
    body = asset.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-type'] = asset.type;
  headers['content-length'] = String(body.byteLength);
  return new Response(request.method === 'HEAD' ? null : body.slice(), { status: 200, headers });
}
