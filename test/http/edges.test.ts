// Edge cases of the HTTP layer: prototype-safe asset lookups, strict UTF-8 bodies, invisible messages, the docs
// page's Content-Security-Policy, and failed authentications limited apart from the shared per-address budget.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swaggerAssets } from '../../src/adapters/http/swagger-assets.ts';
import { RateLimiter } from '../../src/core/limits/rate-limiter.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';
import { textAsset } from '../support/text-asset.ts';

let service: TestService;
beforeAll(async () => {
  service = await testService(
    { RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000', RATE_LIMIT_ADDRESS_PER_MINUTE: '100000' },
    { deps: { docsAsset: swaggerAssets() } },
  );
});
afterAll(async () => service.close());

async function errorOf(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('asset lookups are prototype-safe', () => {
  it('answers the JSON 404 for docs assets named like Object.prototype members', async () => {
    for (const name of PROTOTYPE_NAMES) {
      const response = await service.app.request(`/docs/assets/${name}`);
      expect({ name, ...(await errorOf(response)) }).toMatchObject({
        name,
        status: 404,
        body: { error: { code: 'not_found:asset', message: expect.any(String) } },
      });
    }
  });

  it('answers 404 for UI assets named like Object.prototype members', async () => {
    const files = new Map([['widget.js', 'void 0']]);
    const ui = await testService(
      {},
      {
        deps: {
          uiAsset: (name) => Promise.resolve(files.has(name) ? textAsset(files.get(name) ?? '') : undefined),
        },
      },
    );
    try {
      for (const name of PROTOTYPE_NAMES) expect((await ui.app.request(`/ui/${name}`)).status).toBe(404);
    } finally {
      await ui.close();
    }
  });
});

describe('request bodies must be valid UTF-8', () => {
  const bytes = (...parts: (string | number[])[]) =>
    new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));
  const notUtf8 = {
    status: 400,
    body: { error: { code: 'bad_request:body', message: expect.stringMatching(/UTF-8/) } },
  };

  it('refuses a message whose text has invalid UTF-8 with 400 bad_request:body and stores nothing', async () => {
    const { id, token } = await openConversation(service.app);
    const response = await service.app.request(`/v1/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: bytes('{"text":"hello ', [0xff, 0xfe], '"}'),
    });
    expect(await errorOf(response)).toMatchObject(notUtf8);
    expect(await service.store.listMessages(id)).toEqual([]);
  });

  it('refuses a conversation whose customer name has invalid UTF-8', async () => {
    const response = await service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bytes('{"customer":{"name":"An', [0xc3, 0x28], 'a"}}'),
    });
    expect(await errorOf(response)).toMatchObject(notUtf8);
  });

  it('still accepts valid UTF-8 (with a byte-order mark too) and still names malformed JSON', async () => {
    const { id, token, post } = await openConversation(service.app);
    const send = (body: Uint8Array) =>
      service.app.request(`/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
    const ok = await send(bytes('{"text":"как оплатить картой? ✓"}'));
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { message: { text: string } }).message.text).toBe('как оплатить картой? ✓');
    expect((await send(bytes([0xef, 0xbb, 0xbf], '{"text":"и ещё вопрос"}'))).status).toBe(200);
    expect(await errorOf(await post('{"text": "unterminated'))).toEqual({
      status: 400,
      body: { error: { code: 'bad_request:json', message: 'the request body is not valid JSON' } },
    });
  });
});

describe('a message needs visible characters', () => {
  it('refuses text made only of zero-width, format and whitespace characters', async () => {
    const { id, post } = await openConversation(service.app);
    for (const text of ['\u200b', '\u200c\u200d', '\u2060 \ufeff', '\u200b\u00a0\u200e\u2028', '\u00ad\u061c\u180e']) {
      expect(await errorOf(await post({ text }))).toEqual({
        status: 400,
        body: { error: { code: 'bad_request:text', message: 'text: the message has no visible characters' } },
      });
    }
    expect(await service.store.listMessages(id)).toEqual([]);
    expect((await post({ text: '\u200bhi\u200b' })).status).toBe(200);
  });
});

describe('a clientMessageId used for another text', () => {
  it('is a 409 JSON error in streaming mode too, before any stream opens, and stores nothing', async () => {
    const { id, post } = await openConversation(service.app);
    expect((await post({ text: 'How do I pay my bill?', clientMessageId: 'same-id' })).status).toBe(200);
    const json = await errorOf(await post({ text: 'something else', clientMessageId: 'same-id' }));
    const streamed = await post(
      { text: 'something else', clientMessageId: 'same-id' },
      { accept: 'text/event-stream' },
    );
    expect(streamed.headers.get('content-type')).toMatch(/application\/json/);
    expect(await errorOf(streamed)).toEqual(json);
    expect(json.status).toBe(409);
    expect(json.body.error.code).toBe('conflict:client_message_id');
    expect((await service.store.listMessages(id)).filter((message) => message.role === 'customer')).toHaveLength(1);
  });
});

describe('the docs page', () => {
  it('sends a Content-Security-Policy and still loads every asset it references', async () => {
    const response = await service.app.request('/docs');
    expect(response.status).toBe(200);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("default-src 'none'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
    const page = await response.text();
    expect(page).not.toMatch(/<script>|<script(?![^>]*\ssrc=)[^>]*>/);
    expect(page).not.toMatch(/<style|\sstyle=/);
    // Inline data (the favicon) is not fetched.
    const referenced = [...page.matchAll(/(?:src|href)="([^"]+)"/g)]
      .map((match) => match[1] ?? '')
      .filter((reference) => !reference.startsWith('data:'));
    expect(referenced).toEqual(expect.arrayContaining(['/docs/assets/swagger-ui.css', '/docs/assets/init.js']));
    for (const path of referenced)
      expect({ path, status: (await service.app.request(path)).status }).toEqual({ path, status: 200 });
  });
});

describe('failed authentications', () => {
  it('are limited per address apart from the shared budget, so a valid agent there still gets 200', async () => {
    const perMinute = (count: number) => new RateLimiter({ capacity: count, refillPerSecond: count / 60 });
    const limited = await testService(
      {},
      {
        deps: {
          rateLimits: { perAddress: perMinute(5), perConversation: perMinute(100), failedAuth: perMinute(4) },
        },
      },
    );
    try {
      await limited.agents.addAgent('Мария', 'agent', 'agent-token-edges-1');
      const asAgent = (token: string) =>
        limited.app.request('/v1/agent/me', { headers: { authorization: `Bearer ${token}` } });
      const statuses: number[] = [];
      for (let attempt = 0; attempt < 10; attempt += 1) statuses.push((await asAgent(`bad-${attempt}`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429, 429, 429, 429, 429]);
      const refused = await errorOf(await asAgent('bad-again'));
      expect(refused).toMatchObject({ status: 429, body: { error: { code: 'rate_limited:auth' } } });
      for (let request = 0; request < 5; request += 1) expect((await asAgent('agent-token-edges-1')).status).toBe(200);
      expect(await errorOf(await asAgent('agent-token-edges-1'))).toMatchObject({
        status: 429,
        body: { error: { code: 'rate_limited:address' } },
      });
    } finally {
      await limited.close();
    }
  });
});
