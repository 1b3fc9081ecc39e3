import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openConversation, testService, type TestService } from '../support/test-service.ts';

let service: TestService;
beforeAll(async () => {
  service = await testService({
    MAX_TEXT_LENGTH: '100',
    MAX_BODY_BYTES: '2048',
    RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000',
    RATE_LIMIT_ADDRESS_PER_MINUTE: '100000',
  });
});
afterAll(async () => service.close());

async function errorOf(response: Response) {
  return { status: response.status, body: (await response.json()) as { error: { code: string; message: string } } };
}

describe('bad input gets a 4xx JSON error that says what is wrong', () => {
  it('rejects invalid JSON with 400', async () => {
    const { post } = await openConversation(service.app);
    expect(await errorOf(await post('{"text": "unterminated'))).toEqual({
      status: 400,
      body: { error: { code: 'bad_request:json', message: 'the request body is not valid JSON' } },
    });
  });

  it('names the field for wrong types, empty and too long text, and unknown fields', async () => {
    const { post } = await openConversation(service.app);
    expect(await errorOf(await post({ text: 42 }))).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request:text' } },
    });
    expect(await errorOf(await post({ text: '   ' }))).toMatchObject({
      status: 400,
      body: { error: { code: 'bad_request:text', message: expect.stringContaining('must not be empty') } },
    });
    expect(await errorOf(await post({ text: 'x'.repeat(101) }))).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('at most 100 characters') } },
    });
    expect(await errorOf(await post({ text: 'hi', colour: 'red' }))).toMatchObject({
      status: 400,
      body: { error: { message: expect.stringContaining('colour') } },
    });
    expect(await errorOf(await post([1, 2]))).toMatchObject({ status: 400 });
  });

  it('rejects a bad conversation body', async () => {
    const response = await service.app.request('/v1/conversations', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lang: 'de', customer: { email: 'nope' } }),
    });
    const { status, body } = await errorOf(response);
    expect(status).toBe(400);
    expect(body.error.message).toMatch(/lang/);
    expect(body.error.message).toMatch(/customer\.email/);
  });

  it('answers 415 for a body that is not JSON and 413 for a body over the limit', async () => {
    const { post } = await openConversation(service.app);
    expect(await errorOf(await post('text=hi', { 'content-type': 'application/x-www-form-urlencoded' }))).toMatchObject(
      { status: 415, body: { error: { code: 'unsupported_media_type:body' } } },
    );
    expect(await errorOf(await post({ text: 'x'.repeat(5000) }))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large:body' } },
    });
  });

  it('enforces the body limit from a declared Content-Length and by counting a body of unknown length', async () => {
    const { id, token, post } = await openConversation(service.app);
    const large = JSON.stringify({ text: 'x'.repeat(5000) });
    expect(await errorOf(await post(large, { 'content-length': String(large.length) }))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large:body' } },
    });
    const small = JSON.stringify({ text: 'How do I change my plan?' });
    expect((await post(small, { 'content-length': String(small.length) })).status).toBe(200);
    const streamed = (text: string) =>
      service.app.request(`/v1/conversations/${id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: new ReadableStream({
          start: (controller) => (controller.enqueue(new TextEncoder().encode(text)), controller.close()),
        }),
        duplex: 'half',
      } as RequestInit);
    expect(await errorOf(await streamed(large))).toMatchObject({
      status: 413,
      body: { error: { code: 'payload_too_large:body' } },
    });
    expect((await streamed(JSON.stringify({ text: 'And the price?' }))).status).toBe(200);
  });

  it('answers 404 for an unknown conversation or route', async () => {
    const { token } = await openConversation(service.app);
    const response = await service.app.request('/v1/conversations/nope', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(await errorOf(response)).toMatchObject({ status: 404, body: { error: { code: 'not_found:conversation' } } });
    expect(await errorOf(await service.app.request('/v2/whatever'))).toMatchObject({
      status: 404,
      body: { error: { code: 'not_found:route' } },
    });
  });
});

describe('access', () => {
  it('requires a token (401) and refuses another conversation’s token (403)', async () => {
    const first = await openConversation(service.app);
    const second = await openConversation(service.app);
    const missing = await service.app.request(`/v1/conversations/${first.id}`);
    expect(await errorOf(missing)).toMatchObject({ status: 401, body: { error: { code: 'unauthorized:token' } } });
    const wrong = await service.app.request(`/v1/conversations/${first.id}`, {
      headers: { authorization: `Bearer ${second.token}` },
    });
    expect(await errorOf(wrong)).toMatchObject({ status: 403, body: { error: { code: 'forbidden:conversation' } } });
    const posting = await service.app.request(`/v1/conversations/${first.id}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${second.token}`, 'content-type': 'application/json' },
      body: '{"text":"hi"}',
    });
    expect(posting.status).toBe(403);
    expect(await service.store.listMessages(first.id)).toEqual([]);
  });
});

describe('rate limits', () => {
  it('answers 429 with Retry-After per conversation and per address', async () => {
    const limited = await testService({ RATE_LIMIT_CONVERSATION_PER_MINUTE: '2', RATE_LIMIT_ADDRESS_PER_MINUTE: '5' });
    try {
      const { post } = await openConversation(limited.app);
      expect((await post({ text: 'как оплатить' })).status).toBe(200);
      expect((await post({ text: 'как оплатить' })).status).toBe(200);
      const third = await post({ text: 'как оплатить' });
      expect(third.status).toBe(429);
      expect(third.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(await third.json()).toMatchObject({ error: { code: 'rate_limited:conversation' } });
      const other = await limited.app.request('/v1/conversations', { method: 'POST' });
      expect(other.status).toBe(201);
      const tooMany = await limited.app.request('/v1/conversations', { method: 'POST' });
      expect(await tooMany.json()).toMatchObject({ error: { code: 'rate_limited:address' } });
      const elsewhere = await limited.app.request('/v1/conversations', {
        method: 'POST',
        headers: { 'x-test-address': '10.0.0.9' },
      });
      expect(elsewhere.status).toBe(201);
    } finally {
      await limited.close();
    }
  });
});

describe('property: whatever the body, never a 5xx', () => {
  it('answers arbitrary bodies with 2xx, or 4xx and the error shape', async () => {
    const { post } = await openConversation(service.app);
    const bodies = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)),
      fc
        .record({
          text: fc.oneof(
            fc.string({ unit: 'grapheme', maxLength: 150 }),
            fc.constant(''),
            fc.integer(),
            fc.constant(null),
          ),
          clientMessageId: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
        })
        .map((value) => JSON.stringify(value)),
      fc.constant('x'.repeat(4000)),
    );
    await fc.assert(
      fc.asyncProperty(bodies, async (body) => {
        const response = await post(body);
        expect(response.status).toBeLessThan(500);
        if (response.status >= 400) {
          const json = (await response.json()) as { error: { code: unknown; message: unknown } };
          expect(typeof json.error.code).toBe('string');
          expect(typeof json.error.message).toBe('string');
        }
      }),
      { numRuns: 150 },
    );
  });
});
