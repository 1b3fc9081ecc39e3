// Who may call what: every operation in the served OpenAPI document (and the undocumented live-event feeds) called
// with no credentials, a wrong token, a customer token, and the agent, lead and admin tokens. Denials are 401 for an
// unknown token and 403 for a known one without the right (a role below the route's, or another conversation's
// token), always with the JSON error body; the allowed callers reach the handler and succeed.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evalRunsDirectory } from '../../src/adapters/fs/eval-runs-directory.ts';
import { newToken } from '../../src/core/conversation/tokens.ts';
import type { AgentRole } from '../../src/core/queue/ticket.ts';
import { openConversation, testService, type TestService } from '../support/test-service.ts';
import { pdfDocument, pngImage } from '../support/sample-files.ts';
import {
  GENEROUS_LIMITS,
  addStaff,
  bodyOf,
  expectErrorShape,
  handedOff,
  type HandedOff,
  type Staff,
} from './support.ts';

type Credential = 'none' | 'wrong' | 'other-customer' | 'own-customer' | AgentRole;
type Access = 'public' | 'customer' | 'workers' | 'leads' | 'admins' | 'customer-or-workers';

const CREDENTIALS: readonly Credential[] = [
  'none',
  'wrong',
  'other-customer',
  'own-customer',
  'agent',
  'lead',
  'admin',
];
const LABELS: Record<Credential, string> = {
  none: 'no credentials',
  wrong: 'a made-up token',
  'other-customer': "another conversation's customer token",
  'own-customer': "the conversation's own customer token",
  agent: 'an agent token',
  lead: 'a lead token',
  admin: 'an admin token',
};
const ALLOWED: Record<Exclude<Access, 'public' | 'customer' | 'customer-or-workers'>, readonly AgentRole[]> = {
  workers: ['agent', 'lead', 'admin'],
  leads: ['lead', 'admin'],
  admins: ['admin'],
};
const EVAL_RUN = '2026-11-20T10-00-00-000Z';
const REPORT_PERIOD = 'from=2026-01-01&to=2026-12-31';

/** What a case is called against: a fresh handed-off conversation, prepared as the route needs. */
interface Target extends HandedOff {
  readonly evalRunId: string;
  /** A macro made for this case, for the routes that edit or delete one. */
  readonly macroId: string;
  /** A file uploaded to the conversation, for the download route. */
  readonly attachmentId: string;
}

interface Call {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: string;
  readonly body?: unknown;
  /** A raw body (a file upload) instead of JSON. */
  readonly file?: Uint8Array;
}

interface RouteCase {
  readonly access: Access;
  /** The success status for an allowed caller. */
  readonly status: number;
  /** State the ticket must be in for an allowed caller to succeed (the acting agent claims it, or it is resolved). */
  readonly prepare?: 'claimed' | 'resolved';
  /** A live-event stream: the allowed caller gets the stream's headers, then the test hangs up. */
  readonly stream?: boolean;
  /** Replaces the caller's own token: the new one from the response is used from then on. */
  readonly rotatesToken?: boolean;
  readonly call: (target: Target) => Call;
}

/**
 * Every operation of the OpenAPI document, keyed `METHOD /path` as the document spells it. A route added to the
 * document without a row here fails the coverage test below.
 */
const DOCUMENTED: Record<string, RouteCase> = {
  'POST /v1/conversations': {
    access: 'public',
    status: 201,
    call: () => ({ method: 'POST', path: '/v1/conversations', body: {} }),
  },
  'POST /v1/conversations/{id}/messages': {
    access: 'customer',
    status: 200,
    call: (t) => ({ method: 'POST', path: `/v1/conversations/${t.conversationId}/messages`, body: { text: 'hello' } }),
  },
  'GET /v1/conversations/{id}': {
    access: 'customer',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/conversations/${t.conversationId}` }),
  },
  'POST /v1/conversations/{id}/rating': {
    access: 'customer',
    status: 201,
    prepare: 'resolved',
    call: (t) => ({ method: 'POST', path: `/v1/conversations/${t.conversationId}/rating`, body: { score: 5 } }),
  },
  'POST /v1/conversations/{id}/attachments': {
    access: 'customer',
    status: 201,
    call: (t) => ({ method: 'POST', path: `/v1/conversations/${t.conversationId}/attachments`, file: pngImage() }),
  },
  'POST /v1/tickets/{id}/attachments': {
    access: 'workers',
    status: 201,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/attachments`, file: pdfDocument() }),
  },
  'GET /v1/attachments/{id}': {
    access: 'customer-or-workers',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/attachments/${t.attachmentId}` }),
  },
  'GET /v1/customers/{key}/export': {
    access: 'leads',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/customers/${t.customerKey}/export` }),
  },
  'DELETE /v1/customers/{key}': {
    access: 'admins',
    status: 200,
    call: (t) => ({ method: 'DELETE', path: `/v1/customers/${t.customerKey}` }),
  },
  'GET /v1/tickets': { access: 'workers', status: 200, call: () => ({ method: 'GET', path: '/v1/tickets' }) },
  'POST /v1/ticket-closures': {
    access: 'leads',
    status: 200,
    call: (t) => ({ method: 'POST', path: '/v1/ticket-closures', body: { ticketIds: [t.ticketId] } }),
  },
  'GET /v1/tickets/{id}': {
    access: 'workers',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/tickets/${t.ticketId}` }),
  },
  'GET /v1/tickets/{id}/context': {
    access: 'workers',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/tickets/${t.ticketId}/context` }),
  },
  'POST /v1/conversations/{id}/page': {
    access: 'customer',
    status: 200,
    call: (t) => ({
      method: 'POST',
      path: `/v1/conversations/${t.conversationId}/page`,
      body: { page: 'https://shop.example/billing' },
    }),
  },
  'POST /v1/conversations/{id}/typing': {
    access: 'customer',
    status: 204,
    call: (t) => ({ method: 'POST', path: `/v1/conversations/${t.conversationId}/typing`, body: { typing: true } }),
  },
  'GET /v1/tickets/{id}/suggestion': {
    access: 'workers',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/tickets/${t.ticketId}/suggestion` }),
  },
  'POST /v1/agent/token': {
    access: 'workers',
    status: 200,
    rotatesToken: true,
    call: () => ({ method: 'POST', path: '/v1/agent/token' }),
  },
  'PUT /v1/agent/presence': {
    access: 'workers',
    status: 200,
    call: () => ({ method: 'PUT', path: '/v1/agent/presence', body: { presence: 'away' } }),
  },
  'GET /v1/agents': { access: 'workers', status: 200, call: () => ({ method: 'GET', path: '/v1/agents' }) },
  'GET /v1/agent/me': { access: 'workers', status: 200, call: () => ({ method: 'GET', path: '/v1/agent/me' }) },
  'POST /v1/tickets/{id}/claim': {
    access: 'workers',
    status: 200,
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/claim` }),
  },
  'POST /v1/tickets/{id}/messages': {
    access: 'workers',
    status: 200,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/messages`, body: { text: 'On it.' } }),
  },
  'POST /v1/tickets/{id}/typing': {
    access: 'workers',
    status: 204,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/typing`, body: {} }),
  },
  'POST /v1/tickets/{id}/notes': {
    access: 'workers',
    status: 200,
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/notes`, body: { text: 'VIP' } }),
  },
  'POST /v1/tickets/{id}/transfer': {
    access: 'workers',
    status: 200,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/transfer`, body: { group: 'second-line' } }),
  },
  'POST /v1/tickets/{id}/release': {
    access: 'workers',
    status: 200,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/release` }),
  },
  'POST /v1/tickets/{id}/reopen': {
    access: 'workers',
    status: 200,
    prepare: 'resolved',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/reopen` }),
  },
  'POST /v1/tickets/{id}/assign': {
    access: 'workers',
    status: 200,
    // To the agent: an agent may assign only to themselves, leads and admins to anyone.
    call: (t) => ({
      method: 'POST',
      path: `/v1/tickets/${t.ticketId}/assign`,
      body: { agentId: staff.agents.agent.id },
    }),
  },
  'POST /v1/tickets/{id}/resolve': {
    access: 'workers',
    status: 200,
    prepare: 'claimed',
    call: (t) => ({ method: 'POST', path: `/v1/tickets/${t.ticketId}/resolve`, body: { resolution: 'fixed' } }),
  },
  'GET /v1/admin/agents': { access: 'admins', status: 200, call: () => ({ method: 'GET', path: '/v1/admin/agents' }) },
  'GET /v1/metrics': { access: 'leads', status: 200, call: () => ({ method: 'GET', path: '/v1/metrics' }) },
  'GET /v1/metrics/series': {
    access: 'leads',
    status: 200,
    call: () => ({ method: 'GET', path: '/v1/metrics/series' }),
  },
  'GET /v1/evals': { access: 'leads', status: 200, call: () => ({ method: 'GET', path: '/v1/evals' }) },
  'GET /v1/reports/performance': {
    access: 'leads',
    status: 200,
    call: () => ({ method: 'GET', path: `/v1/reports/performance?${REPORT_PERIOD}` }),
  },
  'GET /v1/reports/performance.csv': {
    access: 'leads',
    status: 200,
    call: () => ({ method: 'GET', path: `/v1/reports/performance.csv?${REPORT_PERIOD}&by=group` }),
  },
  'GET /v1/reports/tickets': {
    access: 'leads',
    status: 200,
    call: () => ({ method: 'GET', path: `/v1/reports/tickets?${REPORT_PERIOD}&kpi=backlog` }),
  },
  'GET /v1/reports/csat-comments': {
    access: 'leads',
    status: 200,
    call: () => ({ method: 'GET', path: `/v1/reports/csat-comments?${REPORT_PERIOD}` }),
  },
  'GET /v1/macros': { access: 'workers', status: 200, call: () => ({ method: 'GET', path: '/v1/macros?lang=ru' }) },
  'POST /v1/macros': {
    access: 'leads',
    status: 201,
    call: () => ({ method: 'POST', path: '/v1/macros', body: { title: 'Hi', text: 'Hello!', lang: 'en' } }),
  },
  'PATCH /v1/macros/{id}': {
    access: 'leads',
    status: 200,
    call: (t) => ({ method: 'PATCH', path: `/v1/macros/${t.macroId}`, body: { title: 'Edited' } }),
  },
  'DELETE /v1/macros/{id}': {
    access: 'leads',
    status: 200,
    call: (t) => ({ method: 'DELETE', path: `/v1/macros/${t.macroId}` }),
  },
  'GET /v1/evals/{id}/report.html': {
    access: 'leads',
    status: 200,
    call: (t) => ({ method: 'GET', path: `/v1/evals/${t.evalRunId}/report.html` }),
  },
};

/** Routes on /v1 that the document leaves out (server-sent event feeds); held to the same rules. */
const UNDOCUMENTED: Record<string, RouteCase> = {
  'GET /v1/conversations/{id}/events': {
    access: 'customer',
    status: 200,
    stream: true,
    call: (t) => ({ method: 'GET', path: `/v1/conversations/${t.conversationId}/events` }),
  },
  'GET /v1/agent/events': {
    access: 'workers',
    status: 200,
    stream: true,
    call: () => ({ method: 'GET', path: '/v1/agent/events' }),
  },
};

type Expectation = { readonly outcome: 'allowed' } | { readonly outcome: 'denied'; readonly status: 401 | 403 };

/** What the code does (see src/http/agent-auth.ts and ConversationService.authorize). */
function expectation(access: Access, credential: Credential): Expectation {
  const allowed: Expectation = { outcome: 'allowed' };
  const unauthorized: Expectation = { outcome: 'denied', status: 401 };
  const forbidden: Expectation = { outcome: 'denied', status: 403 };
  if (access === 'public') return allowed;
  if (access === 'customer-or-workers') {
    // A file is the conversation's: its customer or any agent; another token (customer's or made up) is refused.
    if (credential === 'none') return unauthorized;
    return credential === 'other-customer' || credential === 'wrong' ? forbidden : allowed;
  }
  if (access === 'customer') {
    // Any token is checked against the conversation's own: one that does not match it (a wrong one, another
    // conversation's, a staff token) is refused as not granting access to this conversation.
    if (credential === 'none') return unauthorized;
    return credential === 'own-customer' ? allowed : forbidden;
  }
  if (credential === 'agent' || credential === 'lead' || credential === 'admin')
    return ALLOWED[access].includes(credential) ? allowed : forbidden;
  // Customer tokens and made-up tokens are not agent tokens at all.
  return unauthorized;
}

let service: TestService;
let staff: Staff;
let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'firstline-security-runs-'));
  await mkdir(join(scratch, EVAL_RUN));
  await writeFile(join(scratch, EVAL_RUN, 'report.html'), '<!doctype html><title>run</title>');
  service = await testService(GENEROUS_LIMITS, { deps: { evalRuns: evalRunsDirectory(scratch) } });
  staff = await addStaff(service);
});

afterAll(async () => {
  await service?.close();
  await rm(scratch, { recursive: true, force: true });
});

async function prepared(route: RouteCase, credential: Credential): Promise<Target> {
  const macro = await service.store.macros.createMacro({
    id: `macro-${crypto.randomUUID()}`,
    title: 'Matrix',
    text: 'Hello, {{customer.name}}!',
    lang: 'en',
    createdBy: staff.agents.lead.id,
    at: new Date().toISOString(),
  });
  const handed = await handedOff(service);
  const file = await service.attachments.upload({
    conversationId: handed.conversationId,
    name: 'matrix.png',
    content: pngImage(),
    uploadedBy: 'customer',
  });
  const target = { ...handed, evalRunId: EVAL_RUN, macroId: macro.id, attachmentId: file.id };
  const actor =
    credential === 'agent' || credential === 'lead' || credential === 'admin'
      ? staff.agents[credential]
      : staff.agents.admin;
  if (route.prepare === 'claimed') await service.agents.claim(target.ticketId, actor);
  if (route.prepare === 'resolved') {
    await service.agents.claim(target.ticketId, staff.agents.admin);
    await service.agents.resolve(target.ticketId, staff.agents.admin, 'fixed');
  }
  return target;
}

async function authorization(credential: Credential, target: Target): Promise<string | undefined> {
  switch (credential) {
    case 'none':
      return undefined;
    case 'wrong':
      return newToken();
    case 'own-customer':
      return target.token;
    case 'other-customer':
      return (await openConversation(service.app)).token;
    default:
      return staff.tokens[credential];
  }
}

/** What a refused call must leave as it was: the ticket, the conversation's messages and the macros. */
async function stateOf(target: Target): Promise<unknown> {
  return {
    ticket: await service.store.tickets.getTicket(target.ticketId),
    messages: await service.store.listMessages(target.conversationId),
    macros: await service.store.macros.listMacros({}),
  };
}

async function check(name: string, route: RouteCase, credential: Credential): Promise<void> {
  const target = await prepared(route, credential);
  const call = route.call(target);
  const token = await authorization(credential, target);
  const stateBefore = await stateOf(target);
  const headers: Record<string, string> = {};
  if (token !== undefined) headers.authorization = `Bearer ${token}`;
  if (call.body !== undefined) headers['content-type'] = 'application/json';
  if (call.file !== undefined) headers['content-type'] = 'application/octet-stream';
  const response = await service.app.request(call.path, {
    method: call.method,
    headers,
    ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    ...(call.file === undefined ? {} : { body: call.file }),
  });
  const context = `${name} with credential "${credential}"`;
  const expected = expectation(route.access, credential);
  if (route.stream === true && response.status === 200) {
    expect(response.headers.get('content-type'), context).toMatch(/^text\/event-stream/);
    await response.body?.cancel();
  }
  const body = route.stream === true && response.status === 200 ? undefined : await bodyOf(response);
  expect(response.status, `${context}: status (body ${JSON.stringify(body)})`).toBeLessThan(500);
  if (expected.outcome === 'denied') {
    expect(response.status, `${context}: status (body ${JSON.stringify(body)})`).toBe(expected.status);
    expectErrorShape(body, context, expected.status === 401 ? 'unauthorized' : 'forbidden');
    expect(await stateOf(target), `${context}: a refused call changed the ticket or the transcript`).toEqual(
      stateBefore,
    );
  } else {
    expect(response.status, `${context}: status (body ${JSON.stringify(body)})`).toBe(route.status);
    if (route.rotatesToken === true && (credential === 'agent' || credential === 'lead' || credential === 'admin'))
      staff.tokens[credential] = (body as { token: string }).token;
  }
}

describe('the matrix covers the API', () => {
  it('classifies every operation of the served OpenAPI document, and nothing the document does not have', async () => {
    const document = (await (await service.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const served = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(served.length).toBeGreaterThan(0);
    const unclassified = served.filter((operation) => !(operation in DOCUMENTED));
    expect(unclassified, 'operations in /openapi.json without a row in the auth matrix: add them').toEqual([]);
    expect(
      Object.keys(DOCUMENTED).filter((operation) => !served.includes(operation)),
      'rows in the auth matrix for operations /openapi.json no longer has',
    ).toEqual([]);
    for (const operation of Object.keys(UNDOCUMENTED))
      expect(served, `${operation} is documented now: move it to DOCUMENTED`).not.toContain(operation);
  });

  it('declares the security scheme that matches each row: none for public, conversation or agent token otherwise', async () => {
    const document = (await (await service.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: Record<string, unknown>[] }>>;
    };
    for (const [operation, route] of Object.entries(DOCUMENTED)) {
      const [method = '', path = ''] = operation.split(' ');
      const security = document.paths[path]?.[method.toLowerCase()]?.security ?? [];
      const schemes = security.flatMap((entry) => Object.keys(entry));
      const declared =
        route.access === 'public'
          ? []
          : route.access === 'customer'
            ? ['conversationToken']
            : route.access === 'customer-or-workers'
              ? ['conversationToken', 'agentToken']
              : ['agentToken'];
      expect(schemes, operation).toEqual(declared);
    }
  });
});

for (const [group, table] of [
  ['documented operations', DOCUMENTED],
  ['undocumented live-event feeds', UNDOCUMENTED],
] as const) {
  describe(`who may call the ${group}`, () => {
    for (const [name, route] of Object.entries(table)) {
      for (const credential of CREDENTIALS) {
        const expected = expectation(route.access, credential);
        const outcome = expected.outcome === 'allowed' ? `succeeds (${route.status})` : `is ${expected.status}`;
        it(`${name} with ${LABELS[credential]} ${outcome}`, () => check(name, route, credential));
      }
    }
  });
}
