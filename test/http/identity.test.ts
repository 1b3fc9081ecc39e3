// Customer identity from the host page over a real HTTP server on 127.0.0.1: a profile whose userHash signs its id is
// verified, an unsigned claim is kept but marked unverified (or refused when verification is required), attributes
// are bounded, and the agent's context lists earlier conversations only of a customer verified alike.
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { identityHash } from '../../src/core/conversation/identity.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { Agent } from '../../src/core/queue/ticket.ts';
import { runCli } from '../run-cli.ts';
import { GENEROUS_LIMITS, HANDOFF_TEXT } from '../security/support.ts';
import { testService, type TestService } from '../support/test-service.ts';

const SECRET = 'identity-test-secret-7f3a9c2e51';

interface Running {
  readonly service: TestService;
  readonly base: string;
  readonly agentToken: string;
  readonly agent: Agent;
  close(): Promise<void>;
}

async function running(overrides: Record<string, string>): Promise<Running> {
  const service = await testService({ ...GENEROUS_LIMITS, ...overrides });
  const server: ServerType = serve({ fetch: service.app.fetch, hostname: '127.0.0.1', port: 0 });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const agentToken = newToken();
  const agent = await service.agents.addAgent('Identity Agent', 'agent', agentToken);
  return {
    service,
    base,
    agentToken,
    agent,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await service.close();
    },
  };
}

async function call(
  run: Running,
  path: string,
  options: { method?: string; body?: unknown; token?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  const response = await fetch(`${run.base}${path}`, {
    method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface Opened {
  readonly id: string;
  readonly token: string;
}

async function open(run: Running, body: Record<string, unknown>): Promise<Opened> {
  const created = await call(run, '/v1/conversations', { body });
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body as unknown as Opened;
}

/** The customer asks for a person: the ticket that opens. */
async function handOff(run: Running, conversation: Opened): Promise<string> {
  const posted = await call(run, `/v1/conversations/${conversation.id}/messages`, {
    body: { text: HANDOFF_TEXT },
    token: conversation.token,
  });
  expect(posted.status).toBe(200);
  const ticket = (await run.service.store.tickets.listTickets({})).find(
    (entry) => entry.conversationId === conversation.id,
  );
  if (ticket === undefined) throw new Error('the conversation was not handed off');
  return ticket.id;
}

interface Context {
  readonly customer: Record<string, unknown>;
  readonly page: string | null;
  readonly lang: string;
  readonly channel: string;
  readonly previous: Array<Record<string, unknown>>;
}

async function contextOf(run: Running, ticketId: string): Promise<Context> {
  const response = await call(run, `/v1/tickets/${ticketId}/context`, { token: run.agentToken });
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body as unknown as Context;
}

const customer = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  name: 'Anna Petrova',
  email: `${id}@example.com`,
  attributes: { plan: 'Optima', account: 'ACC-1001' },
  ...extra,
});

describe('with IDENTITY_SECRET and optional verification (the default)', () => {
  let run: Running;
  beforeAll(async () => {
    run = await running({ IDENTITY_SECRET: SECRET });
  });
  afterAll(() => run.close());

  it('verifies a profile whose userHash signs its id, and shows the agent all of it', async () => {
    const userHash = await identityHash(SECRET, 'crm-100');
    const conversation = await open(run, {
      lang: 'en',
      channel: 'web',
      page: 'https://shop.example/billing?invoice=7',
      customer: { ...customer('crm-100'), userHash },
    });
    const context = await contextOf(run, await handOff(run, conversation));
    expect(context).toMatchObject({
      customer: {
        id: 'crm-100',
        name: 'Anna Petrova',
        email: 'crm-100@example.com',
        attributes: { plan: 'Optima', account: 'ACC-1001' },
        verified: true,
      },
      page: 'https://shop.example/billing?invoice=7',
      lang: 'en',
      channel: 'web',
      previous: [],
    });
    expect(context.customer).not.toHaveProperty('userHash');
  });

  it('keeps an unsigned or wrongly signed claim, marked not verified', async () => {
    for (const userHash of [undefined, await identityHash(SECRET, 'crm-other'), 'abc123']) {
      const conversation = await open(run, { customer: { ...customer('crm-101'), userHash } });
      const context = await contextOf(run, await handOff(run, conversation));
      expect(context.customer).toMatchObject({ id: 'crm-101', verified: false });
    }
  });

  it('lets no client set the verified flag itself', async () => {
    const response = await call(run, '/v1/conversations', { body: { customer: { id: 'crm-102', verified: true } } });
    expect(response.status).toBe(400);
  });

  it('records the page the widget says the customer moved to', async () => {
    const conversation = await open(run, { page: 'https://shop.example/' });
    const moved = await call(run, `/v1/conversations/${conversation.id}/page`, {
      body: { page: 'https://shop.example/tariffs' },
      token: conversation.token,
    });
    expect(moved).toEqual({ status: 200, body: { page: 'https://shop.example/tariffs' } });
    const context = await contextOf(run, await handOff(run, conversation));
    expect(context.page).toBe('https://shop.example/tariffs');
  });

  it('links earlier conversations of the verified customer, newest first, with ticket, resolution and rating', async () => {
    const userHash = await identityHash(SECRET, 'crm-200');
    const first = await open(run, { customer: { ...customer('crm-200'), userHash } });
    const firstTicket = await handOff(run, first);
    await run.service.agents.claim(firstTicket, run.agent);
    await run.service.agents.resolve(firstTicket, run.agent, 'solved');
    const rated = await call(run, `/v1/conversations/${first.id}/rating`, {
      body: { score: 4 },
      token: first.token,
    });
    expect(rated.status).toBe(201);
    // The same customer by e-mail only, verified with another id of theirs: linked by the e-mail.
    const byEmail = await open(run, {
      customer: { id: 'crm-200-b', email: 'CRM-200@example.com', userHash: await identityHash(SECRET, 'crm-200-b') },
    });
    const byEmailTicket = await handOff(run, byEmail);
    const now = await open(run, { customer: { ...customer('crm-200'), userHash } });
    const context = await contextOf(run, await handOff(run, now));
    expect(context.previous).toEqual([
      expect.objectContaining({ conversationId: byEmail.id, ticketId: byEmailTicket, resolution: null, rating: null }),
      expect.objectContaining({
        conversationId: first.id,
        ticketId: firstTicket,
        status: 'resolved',
        resolution: 'solved',
        rating: 4,
      }),
    ]);
  });

  it("never links a claim of a verified customer's id with their history, nor their history with the claim", async () => {
    const userHash = await identityHash(SECRET, 'crm-300');
    const genuine = await open(run, { customer: { ...customer('crm-300'), userHash } });
    const genuineTicket = await handOff(run, genuine);
    const impostor = await open(run, { customer: { id: 'crm-300', email: 'crm-300@example.com' } });
    const impostorTicket = await handOff(run, impostor);
    expect((await contextOf(run, impostorTicket)).previous).toEqual([]);
    expect((await contextOf(run, genuineTicket)).previous).toEqual([]);
    // Unverified claims of the same id are linked with each other only.
    const again = await open(run, { customer: { id: 'crm-300' } });
    const context = await contextOf(run, await handOff(run, again));
    expect(context.customer.verified).toBe(false);
    expect(context.previous.map((entry) => entry.conversationId)).toEqual([impostor.id]);
  });

  it('bounds the earlier conversations to 20', async () => {
    const claim = { id: 'crm-400' };
    for (let index = 0; index < 22; index += 1) await open(run, { customer: claim });
    const context = await contextOf(run, await handOff(run, await open(run, { customer: claim })));
    expect(context.previous).toHaveLength(20);
  });

  it('refuses attributes beyond their limits, and a malformed hash or page, with 400', async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`key${index}`, 'x']));
    const twenty = Object.fromEntries(Array.from({ length: 19 }, (_, index) => [`key${index}`, 'x']));
    const refused = [
      { customer: { id: 'a', attributes: tooMany } },
      { customer: { id: 'a', attributes: { ['k'.repeat(41)]: 'x' } } },
      { customer: { id: 'a', attributes: { '': 'x' } } },
      { customer: { id: 'a', attributes: { 'plan name': 'x' } } },
      { customer: { id: 'a', attributes: { plan: 'x'.repeat(201) } } },
      { customer: { id: 'a', attributes: { plan: 5 } } },
      { customer: { id: 'a', attributes: { plan: { nested: 'x' } } } },
      { customer: { id: 'a', attributes: ['plan'] } },
      { customer: { id: 'a', userHash: 'not hex!' } },
      { customer: { id: 'a', userHash: 'a'.repeat(129) } },
      { page: 'x'.repeat(2001) },
      { page: '' },
    ];
    for (const body of refused) {
      const response = await call(run, '/v1/conversations', { body });
      expect(response.status, JSON.stringify(body).slice(0, 120)).toBe(400);
      expect(response.body).toEqual({
        error: { code: expect.stringMatching(/^bad_request:(customer|page)/), message: expect.any(String) },
      });
    }
    const accepted = await call(run, '/v1/conversations', {
      body: {
        customer: { id: 'a', attributes: { ...twenty, key0: 'x'.repeat(200), ['k'.repeat(40)]: 'x' } },
        page: 'x'.repeat(2000),
      },
    });
    expect(accepted.status).toBe(201);
  });
});

describe('with verification required', () => {
  let run: Running;
  beforeAll(async () => {
    run = await running({ IDENTITY_SECRET: SECRET, IDENTITY_VERIFICATION: 'required' });
  });
  afterAll(() => run.close());

  it('refuses a claimed id without a valid hash with 403 forbidden:identity', async () => {
    for (const claim of [
      { id: 'crm-500' },
      { id: 'crm-500', userHash: await identityHash(SECRET, 'crm-501') },
      { email: 'crm-500@example.com' },
    ]) {
      const response = await call(run, '/v1/conversations', { body: { customer: claim } });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ error: { code: 'forbidden:identity', message: expect.any(String) } });
    }
  });

  it('opens conversations for a signed customer, verified, and for an anonymous visitor', async () => {
    const signed = await open(run, { customer: { id: 'crm-500', userHash: await identityHash(SECRET, 'crm-500') } });
    expect((await contextOf(run, await handOff(run, signed))).customer.verified).toBe(true);
    const anonymous = await open(run, {});
    expect((await contextOf(run, await handOff(run, anonymous))).customer).toEqual({ verified: false });
  });

  it('accepts the hash `firstline identity sign` prints', async () => {
    const signed = await runCli(['identity', 'sign', 'crm-600'], { IDENTITY_SECRET: SECRET });
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(/^[0-9a-f]{64}\n$/);
    const conversation = await open(run, { customer: { id: 'crm-600', userHash: signed.stdout.trim() } });
    expect((await contextOf(run, await handOff(run, conversation))).customer.verified).toBe(true);
  });
});

describe('without IDENTITY_SECRET', () => {
  let run: Running;
  beforeAll(async () => {
    run = await running({});
  });
  afterAll(() => run.close());

  it('verifies nothing, whatever hash comes, and keeps the claim', async () => {
    const conversation = await open(run, {
      customer: { ...customer('crm-700'), userHash: await identityHash(SECRET, 'crm-700') },
    });
    const context = await contextOf(run, await handOff(run, conversation));
    expect(context.customer).toMatchObject({ id: 'crm-700', attributes: { plan: 'Optima' }, verified: false });
    expect(context.page).toBeNull();
  });

  it('links unverified conversations of the same id with each other', async () => {
    const earlier = await open(run, { customer: { id: 'crm-800' } });
    const context = await contextOf(run, await handOff(run, await open(run, { customer: { id: 'crm-800' } })));
    expect(context.previous.map((entry) => entry.conversationId)).toEqual([earlier.id]);
  });
});

describe('the CLI helper', () => {
  it('says IDENTITY_SECRET is missing, and how to call it', async () => {
    const missing = await runCli(['identity', 'sign', 'crm-1'], { IDENTITY_SECRET: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/IDENTITY_SECRET/);
    const wrong = await runCli(['identity', 'crm-1'], { IDENTITY_SECRET: SECRET });
    expect(wrong.code).toBe(2);
  });
});
