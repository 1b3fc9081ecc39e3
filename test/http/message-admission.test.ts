import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handleError } from '../../src/http/errors.ts';
import { messageAdmission, type ReplyLoad } from '../../src/http/message-admission.ts';
import { openConversation, recordingLogger, testService, type TestService } from '../support/test-service.ts';

function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** A bare app with the admission middleware in front of a handler that answers only when told to. */
function harness(inFlightPerAddress: number, replyLoad?: () => ReplyLoad) {
  const admission = messageAdmission({
    inFlightPerAddress,
    clientAddress: (c) => c.req.header('x-test-address') ?? 'a',
    replyLoad,
  });
  const app = new Hono();
  const logger = recordingLogger();
  app.onError((error, c) => handleError(error, c, logger));
  app.use('/m', admission.middleware);
  let release = gate();
  let handled = 0;
  app.post('/m', async (c) => {
    handled += 1;
    if (c.req.query('fail') !== undefined) throw new Error('boom');
    if (c.req.query('sse') !== undefined) {
      return streamSSE(c, async (stream) => {
        await release.opened;
        await stream.writeSSE({ event: 'reply', data: '{}' });
      });
    }
    await release.opened;
    return c.json({ ok: true });
  });
  const post = (query = '', address = 'a') =>
    app.request(`/m${query}`, { method: 'POST', headers: { 'x-test-address': address } });
  return {
    admission,
    post,
    handled: () => handled,
    open: () => {
      release.open();
      release = gate();
    },
  };
}

describe('message admission: requests in flight per address', () => {
  it('refuses beyond the limit with 429 rate_limited:in_flight and Retry-After: 1, per address', async () => {
    const h = harness(2);
    const held = [h.post(), h.post()];
    const refused = await h.post();
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(await refused.json()).toMatchObject({ error: { code: 'rate_limited:in_flight' } });
    expect(h.handled()).toBe(2);
    // Another address is not affected.
    const other = h.post('', 'b');
    expect(h.admission.inFlight('b')).toBe(1);
    h.open();
    expect((await Promise.all([...held, other])).map((r) => r.status)).toEqual([200, 200, 200]);
    expect(h.admission.inFlight('a')).toBe(0);
    expect(h.admission.inFlight('b')).toBe(0);
  });

  it('releases the slot when the handler throws', async () => {
    const h = harness(1);
    expect((await h.post('?fail')).status).toBe(500);
    expect(h.admission.inFlight('a')).toBe(0);
    const next = h.post();
    h.open();
    expect((await next).status).toBe(200);
  });

  it('counts a streamed reply until its stream ends', async () => {
    const h = harness(1);
    const streamed = await h.post('?sse');
    expect(streamed.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(h.admission.inFlight('a')).toBe(1);
    expect((await h.post()).status).toBe(429);
    h.open();
    expect(await streamed.text()).toContain('event: reply');
    expect(h.admission.inFlight('a')).toBe(0);
  });

  it('releases a streamed reply whose reader goes away', async () => {
    const h = harness(1);
    const streamed = await h.post('?sse');
    expect(h.admission.inFlight('a')).toBe(1);
    await streamed.body?.cancel();
    expect(h.admission.inFlight('a')).toBe(0);
    h.open();
  });
});

describe('message admission: reply queue load', () => {
  it('sheds with 503 unavailable:busy and Retry-After while the queue is at its limit', async () => {
    let load: ReplyLoad = { pending: 64, limit: 64 };
    const h = harness(8, () => load);
    const shed = await h.post();
    expect(shed.status).toBe(503);
    expect(Number(shed.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await shed.json()).toMatchObject({ error: { code: 'unavailable:busy' } });
    expect(h.handled()).toBe(0);
    expect(h.admission.inFlight('a')).toBe(0);
    load = { pending: 63, limit: 64 };
    const admitted = h.post();
    h.open();
    expect((await admitted).status).toBe(200);
  });
});

describe('message admission on the real message route', () => {
  let service: TestService;
  let load: ReplyLoad = { pending: 0, limit: 64 };
  beforeAll(async () => {
    service = await testService(
      { MESSAGES_IN_FLIGHT_PER_ADDRESS: '1', RATE_LIMIT_CONVERSATION_PER_MINUTE: '1000' },
      { deps: { replyLoad: () => load } },
    );
  });
  afterAll(async () => service.close());

  const storedCustomerMessages = async (id: string, token: string) => {
    const response = await service.app.request(`/v1/conversations/${id}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const { messages } = (await response.json()) as { messages: { role: string }[] };
    return messages.filter((message) => message.role === 'customer').length;
  };

  it('refuses concurrent posts beyond the limit before storing them', async () => {
    const { id, token, post } = await openConversation(service.app);
    const responses = await Promise.all(Array.from({ length: 4 }, () => post({ text: 'How do I reset my password?' })));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 429)).toHaveLength(3);
    const refused = responses.find((response) => response.status === 429);
    expect(refused?.headers.get('retry-after')).toBe('1');
    expect(await refused?.json()).toMatchObject({ error: { code: 'rate_limited:in_flight' } });
    expect(await storedCustomerMessages(id, token)).toBe(1);
    // Released after the response: the next post is admitted.
    expect((await post({ text: 'And my invoice?' })).status).toBe(200);
  });

  it('releases a streamed post once its stream is read to the end', async () => {
    const { post } = await openConversation(service.app);
    const streamed = await post({ text: 'How do I reset my password?' }, { accept: 'text/event-stream' });
    expect(await streamed.text()).toContain('event: reply');
    expect((await post({ text: 'Thanks' })).status).toBe(200);
  });

  it('sheds with 503 while the reply queue is full, without storing the message', async () => {
    const { id, token, post } = await openConversation(service.app);
    load = { pending: 64, limit: 64 };
    try {
      const shed = await post({ text: 'How do I reset my password?' });
      expect(shed.status).toBe(503);
      expect(Number(shed.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(await shed.json()).toMatchObject({ error: { code: 'unavailable:busy' } });
    } finally {
      load = { pending: 0, limit: 64 };
    }
    expect(await storedCustomerMessages(id, token)).toBe(0);
  });
});
