// Static files: compressed once and sent in the encoding the client accepts, 304 for a copy the client has, and a
// per-address budget of their own, so a crowd downloading Swagger UI neither recompresses nor spends the API's budget.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swaggerAssets } from '../../src/adapters/http/swagger-assets.ts';
import { testService, type TestService } from '../support/test-service.ts';
import { textAsset } from '../support/text-asset.ts';

let service: TestService;
beforeAll(async () => {
  service = await testService(
    { RATE_LIMIT_ASSETS_PER_MINUTE: '5' },
    {
      deps: {
        docsAsset: swaggerAssets(),
        uiAsset: (name) => Promise.resolve(name === 'agent.js' ? textAsset('void 0') : undefined),
      },
    },
  );
});
afterAll(async () => service.close());

const get = (path: string, headers: Record<string, string> = {}, address = '10.0.0.1') =>
  service.app.request(path, { headers: { 'x-test-address': address, ...headers } });
const BUNDLE = '/docs/assets/swagger-ui-bundle.js';

describe('static files', () => {
  it('sends brotli or gzip as accepted, the same bytes as the plain file, with a validator', async () => {
    const plain = await get(BUNDLE, {}, '10.0.1.1');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-encoding')).toBeNull();
    const bytes = Buffer.from(await plain.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1_000_000);

    const br = await get(BUNDLE, { 'accept-encoding': 'gzip, deflate, br' }, '10.0.1.2');
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('accept-encoding');
    const compressed = Buffer.from(await br.arrayBuffer());
    expect(compressed.length).toBeLessThan(bytes.length / 3);
    expect(brotliDecompressSync(compressed).equals(bytes)).toBe(true);

    const gz = await get(BUNDLE, { 'accept-encoding': 'gzip, br;q=0' }, '10.0.1.3');
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(bytes)).toBe(true);
    expect(gz.headers.get('etag')).toBe(plain.headers.get('etag'));
    expect(plain.headers.get('cache-control')).toMatch(/max-age=\d+/);
  });

  it('answers 304 without a body for a copy the client already has', async () => {
    const first = await get(BUNDLE, {}, '10.0.2.1');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^".+"$/);
    const again = await get(BUNDLE, { 'if-none-match': `W/"other", ${etag}` }, '10.0.2.1');
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await get(BUNDLE, { 'if-none-match': '"stale"' }, '10.0.2.1')).status).toBe(200);
  });

  it('limits downloads per address apart from the API, with 429 and Retry-After', async () => {
    for (let index = 0; index < 5; index += 1) expect((await get('/ui/agent.js', {}, '10.0.3.1')).status).toBe(200);
    const refused = await get('/ui/agent.js', {}, '10.0.3.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:assets' } });
    expect((await get('/docs/assets/swagger-ui.css', {}, '10.0.3.1')).status).toBe(429);
    expect((await get('/ui/agent.js', {}, '10.0.3.2')).status).toBe(200);
    const api = await service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { 'x-test-address': '10.0.3.1' },
    });
    expect(api.status).toBe(201);
  });
});
