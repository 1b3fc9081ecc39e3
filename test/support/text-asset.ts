// A small static file for tests that serve UI assets without building the bundles.
import type { StaticAsset } from '../../src/core/ports/static-assets.ts';

export const textAsset = (text: string, type = 'text/javascript; charset=utf-8'): StaticAsset => ({
  type,
  body: new TextEncoder().encode(text),
  etag: `"${text.length}"`,
  maxAgeSeconds: 60,
});
