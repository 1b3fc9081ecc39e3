// Hostile and malformed input: for every route that takes a body, a table of wrong types, missing and extra fields,
// huge strings, nulls, arrays, non-JSON, wrong content types and prototype-pollution payloads; then prototype names
// and traversal attempts as path parameters, and bad queries and headers. Each is refused with a 4xx and the JSON
// error body (UI pages with their HTML 404), never a 500; afterwards the service still works and Object.prototype is
// untouched (the service runs in this process).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { knowledgeArticleSource } from '../../src/adapters/fs/knowledge-article-source.ts';
import { swaggerAssets } from '../../src/adapters/http/swagger-assets.ts';
import { evalRunsDirectory } from '../../src/adapters/fs/eval-runs-directory.ts';
import { ROOT } from '../run-cli.ts';
import { openConversation, sampleKnowledge, testService, type TestService } from '../support/test-service.ts';
import { GENEROUS_LIMITS, addStaff, bodyOf, expectErrorShape, handedOff, type Staff } from './support.ts';
import { textAsset } from '../support/text-asset.ts';
import { HTML_PAGE, pngImage } from '../support/sample-files.ts';

const MAX_BODY_BYTES = 64 * 1024;
const MAX_TEXT_LENGTH = 4000;
const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];

let service: TestService;
let staff: Staff;
/** Ids and tokens the tables point at, made in beforeAll. */
const fixture = {
  conversationId: '',
  conversationToken: '',
  claimedTicketId: '',
  resolvedConversationId: '',
  resolvedToken: '',
  macroId: '',
};
const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort();

beforeAll(async () => {
  const { knowledge } = await sampleKnowledge();
  const uiFiles = new Map([['widget.js', 'void 0']]);
  service = await testService(
    { ...GENEROUS_LIMITS, MAX_TEXT_LENGTH: String(MAX_TEXT_LENGTH), MAX_BODY_BYTES: String(MAX_BODY_BYTES) },
    {
      deps: {
        docsAsset: swaggerAssets(),
        uiAsset: (name) => Promise.resolve(uiFiles.has(name) ? textAsset(uiFiles.get(name) ?? '') : undefined),
        articles: knowledgeArticleSource(join(ROOT, 'knowledge'), knowledge.stored.snapshot.manifest.articles, 262_144),
        evalRuns: evalRunsDirectory(join(ROOT, 'test', 'security', 'no-such-runs-directory')),
      },
    },
  );
  staff = await addStaff(service);
  const conversation = await openConversation(service.app);
  fixture.conversationId = conversation.id;
  fixture.conversationToken = conversation.token;
  const claimed = await handedOff(service);
  await service.agents.claim(claimed.ticketId, staff.agents.agent);
  fixture.claimedTicketId = claimed.ticketId;
  const resolved = await handedOff(service);
  await service.agents.claim(resolved.ticketId, staff.agents.agent);
  await service.agents.resolve(resolved.ticketId, staff.agents.agent, 'fixed');
  fixture.resolvedConversationId = resolved.conversationId;
  fixture.resolvedToken = resolved.token;
  const macro = await service.store.macros.createMacro({
    id: 'bad-input-macro',
    title: 'Greeting',
    text: 'Hello, {{customer.name}}!',
    lang: 'en',
    createdBy: staff.agents.lead.id,
    at: new Date().toISOString(),
  });
  fixture.macroId = macro.id;
});

afterAll(async () => service?.close());

type Body = string | Uint8Array;

interface BadRequest {
  readonly name: string;
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  readonly path: () => string;
  readonly token?: () => string;
  readonly headers?: Record<string, string>;
  readonly body?: Body;
  readonly status: number;
  /** UI pages answer with their HTML page, not the JSON error body. */
  readonly html?: boolean;
}

interface BodyRoute {
  readonly name: string;
  /** POST unless given. */
  readonly method?: 'POST' | 'PUT' | 'PATCH';
  readonly path: () => string;
  readonly token?: () => string;
  /** A body the route accepts, to vary one thing at a time. */
  readonly valid: Record<string, unknown>;
  /** Its string fields and the longest each may be. */
  readonly strings: Record<string, number>;
  /** Whether `{}` (and an empty body) is refused. */
  readonly requiresFields: boolean;
}

const BODY_ROUTES: readonly BodyRoute[] = [
  {
    name: 'POST /v1/conversations',
    path: () => '/v1/conversations',
    valid: {
      lang: 'en',
      channel: 'web',
      customer: { id: 'crm-1', name: 'Ann', email: 'ann@example.com' },
      page: 'https://shop.example/billing',
    },
    strings: { channel: 50, lang: 2, page: 2000 },
    requiresFields: false,
  },
  {
    name: 'POST /v1/conversations/{id}/messages',
    path: () => `/v1/conversations/${fixture.conversationId}/messages`,
    token: () => fixture.conversationToken,
    valid: { text: 'How do I pay my bill?', clientMessageId: 'm-1' },
    strings: { text: MAX_TEXT_LENGTH, clientMessageId: 200 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/conversations/{id}/page',
    path: () => `/v1/conversations/${fixture.conversationId}/page`,
    token: () => fixture.conversationToken,
    valid: { page: 'https://shop.example/tariffs' },
    strings: { page: 2000 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/conversations/{id}/typing',
    path: () => `/v1/conversations/${fixture.conversationId}/typing`,
    token: () => fixture.conversationToken,
    valid: { typing: true },
    strings: {},
    // `{}` says the customer is typing.
    requiresFields: false,
  },
  {
    name: 'POST /v1/conversations/{id}/rating',
    path: () => `/v1/conversations/${fixture.resolvedConversationId}/rating`,
    token: () => fixture.resolvedToken,
    valid: { score: 5, comment: 'thanks' },
    strings: {},
    requiresFields: true,
  },
  {
    name: 'POST /v1/tickets/{id}/messages',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/messages`,
    token: () => staff.tokens.agent,
    valid: { text: 'On it.' },
    strings: { text: 10_000 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/tickets/{id}/typing',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/typing`,
    token: () => staff.tokens.agent,
    valid: { typing: false },
    strings: {},
    requiresFields: false,
  },
  {
    name: 'POST /v1/tickets/{id}/notes',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/notes`,
    token: () => staff.tokens.agent,
    valid: { text: 'VIP customer' },
    strings: { text: 10_000 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/tickets/{id}/transfer',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/transfer`,
    token: () => staff.tokens.agent,
    valid: { group: 'second-line' },
    strings: { group: 100 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/tickets/{id}/assign',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/assign`,
    token: () => staff.tokens.lead,
    valid: { agentId: 'no-such-agent' },
    strings: { agentId: 100 },
    requiresFields: true,
  },
  {
    name: 'PUT /v1/agent/presence',
    method: 'PUT',
    path: () => '/v1/agent/presence',
    token: () => staff.tokens.agent,
    valid: { presence: 'away' },
    strings: {},
    requiresFields: true,
  },
  {
    name: 'POST /v1/ticket-closures',
    path: () => '/v1/ticket-closures',
    token: () => staff.tokens.lead,
    valid: { ticketIds: ['no-such-ticket'], resolution: 'flood' },
    strings: { resolution: 100 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/tickets/{id}/resolve',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/resolve`,
    token: () => staff.tokens.agent,
    valid: { resolution: 'fixed' },
    strings: { resolution: 100 },
    requiresFields: true,
  },
  {
    name: 'POST /v1/macros',
    path: () => '/v1/macros',
    token: () => staff.tokens.lead,
    valid: { title: 'Greeting', text: 'Hello, {{customer.name}}!', lang: 'en' },
    strings: { title: 100, text: 4000 },
    requiresFields: true,
  },
  {
    name: 'PATCH /v1/macros/{id}',
    method: 'PATCH',
    path: () => `/v1/macros/${fixture.macroId}`,
    token: () => staff.tokens.lead,
    valid: { title: 'Greeting', text: 'Hello, {{customer.name}}!', lang: 'en' },
    strings: { title: 100, text: 4000 },
    // Each field is optional, but not all of them (checked below).
    requiresFields: false,
  },
];

const JSON_TYPE = { 'content-type': 'application/json' };
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((part) => (typeof part === 'string' ? [...new TextEncoder().encode(part)] : part)));
/** The valid body's JSON with `extra` spliced in as raw text, so keys like `__proto__` stay own keys. */
const withRaw = (valid: Record<string, unknown>, extra: string) => {
  const inner = JSON.stringify(valid).slice(1, -1);
  return `{${inner}${inner === '' ? '' : ','}${extra}}`;
};

function bodyCases(route: BodyRoute): BadRequest[] {
  const at = (name: string, body: Body, status = 400, headers: Record<string, string> = JSON_TYPE): BadRequest => ({
    name: `${route.name}: ${name}`,
    method: route.method ?? 'POST',
    path: route.path,
    ...(route.token === undefined ? {} : { token: route.token }),
    headers,
    body,
    status,
  });
  const valid = JSON.stringify(route.valid);
  const cases: BadRequest[] = [];
  for (const field of Object.keys(route.valid)) {
    for (const [kind, value] of [
      ['a number', 12345],
      ['a boolean', true],
      ['null', null],
      ['an array', ['x']],
      ['an object', { value: 'x' }],
    ] as const) {
      // A field that is itself an object (the customer profile) takes no object of the wrong shape either, and a
      // list of ids no list of numbers.
      const own = route.valid[field];
      // A flag takes any boolean: only the other kinds are wrong for it.
      if (kind === 'a boolean' && typeof own === 'boolean') continue;
      const wrong =
        kind === 'an object' && field === 'customer'
          ? { nickname: 'x' }
          : kind === 'an array' && Array.isArray(own)
            ? [1]
            : value;
      cases.push(at(`${field} as ${kind}`, JSON.stringify({ ...route.valid, [field]: wrong })));
    }
  }
  for (const [field, max] of Object.entries(route.strings)) {
    cases.push(
      at(`${field} one character over its limit`, JSON.stringify({ ...route.valid, [field]: 'x'.repeat(max + 1) })),
    );
    cases.push(at(`${field} empty`, JSON.stringify({ ...route.valid, [field]: '' })));
  }
  if (route.requiresFields) {
    cases.push(at('no fields', '{}'));
    cases.push(at('an empty body', ''));
    for (const field of Object.keys(route.valid).slice(0, 1)) {
      const { [field]: _dropped, ...rest } = route.valid;
      cases.push(at(`${field} missing`, JSON.stringify(rest)));
    }
  }
  cases.push(
    at('an extra field', JSON.stringify({ ...route.valid, isAdmin: true })),
    at('JSON null', 'null'),
    at('a JSON array of the valid body', `[${valid}]`),
    at('an empty JSON array', '[]'),
    at('a JSON string', JSON.stringify(valid)),
    at('a JSON number', '42'),
    at('malformed JSON', valid.slice(0, -1)),
    at('JSON with a trailing comma', `${valid.slice(0, -1)},}`),
    at('deeply nested arrays', withRaw(route.valid, `"deep":${'['.repeat(5000)}${']'.repeat(5000)}`)),
    at(
      'a string longer than the body limit',
      JSON.stringify({ ...route.valid, padding: 'x'.repeat(MAX_BODY_BYTES) }),
      413,
    ),
    at('invalid UTF-8', bytes(valid.slice(0, -2), [0xff, 0xfe], valid.slice(-2))),
    at('valid JSON sent as text/plain', valid, 415, { 'content-type': 'text/plain' }),
    at('a form body', 'text=hello', 415, { 'content-type': 'application/x-www-form-urlencoded' }),
    at('multipart', '--b\r\n\r\nx\r\n--b--', 415, { 'content-type': 'multipart/form-data; boundary=b' }),
    at('a body without a content type', bytes(valid), 415, {}),
    at('"__proto__" with properties', withRaw(route.valid, '"__proto__":{"polluted":"yes"}')),
    at('"__proto__" as null', withRaw(route.valid, '"__proto__":null')),
    at('"constructor" with a prototype', withRaw(route.valid, '"constructor":{"prototype":{"polluted":"yes"}}')),
    at('"prototype" as a key', withRaw(route.valid, '"prototype":{"polluted":"yes"}')),
  );
  if (route.name === 'POST /v1/conversations') {
    cases.push(
      at('"__proto__" inside the customer profile', '{"customer":{"name":"Ann","__proto__":{"polluted":"yes"}}}'),
      at('"constructor" inside the customer profile', '{"customer":{"constructor":{"prototype":{"polluted":"yes"}}}}'),
      at('an email that is not one', JSON.stringify({ customer: { email: 'not-an-email' } })),
      at('an email with markup', JSON.stringify({ customer: { email: '"><svg onload=alert(1)>@x.com' } })),
      at('a language it does not speak', JSON.stringify({ lang: '__proto__' })),
      at('a customer name over 200 characters', JSON.stringify({ customer: { name: 'x'.repeat(201) } })),
      at('"__proto__" with properties as a customer attribute', '{"customer":{"attributes":{"__proto__":{"a":"x"}}}}'),
      at('"constructor" as a customer attribute', '{"customer":{"attributes":{"constructor":"x"}}}'),
      at(
        '21 customer attributes',
        JSON.stringify({
          customer: { attributes: Object.fromEntries(Array.from({ length: 21 }, (_, index) => [`a${index}`, 'x'])) },
        }),
      ),
      at(
        'an attribute name over 40 characters',
        JSON.stringify({ customer: { attributes: { ['a'.repeat(41)]: 'x' } } }),
      ),
      at('an attribute name with markup', JSON.stringify({ customer: { attributes: { '<b>': 'x' } } })),
      at(
        'an attribute value over 200 characters',
        JSON.stringify({ customer: { attributes: { a: 'x'.repeat(201) } } }),
      ),
      at('an attribute value that is not a string', JSON.stringify({ customer: { attributes: { a: 1 } } })),
      at('a userHash that is not hex', JSON.stringify({ customer: { id: 'a', userHash: '<script>' } })),
      at('a userHash over 128 characters', JSON.stringify({ customer: { id: 'a', userHash: 'a'.repeat(129) } })),
      at('a customer claiming to be verified', JSON.stringify({ customer: { id: 'a', verified: true } })),
    );
  }
  if (route.name === 'POST /v1/conversations/{id}/rating') {
    // Raw JSON, so a number too large for a double reaches the parser as written.
    for (const score of ['0', '6', '4.5', '-1', '"5"', '1e309', '-0.0e-5', '99999999999999999999'])
      cases.push(at(`score ${score}`, `{"score":${score}}`));
  }
  if (route.name === 'POST /v1/ticket-closures') {
    cases.push(
      at('no ticket ids', JSON.stringify({ ticketIds: [] })),
      at('501 ticket ids', JSON.stringify({ ticketIds: Array.from({ length: 501 }, (_, index) => `t-${index}`) })),
      at('an empty ticket id', JSON.stringify({ ticketIds: [''] })),
      at('a ticket id over 100 characters', JSON.stringify({ ticketIds: ['x'.repeat(101)] })),
      at('ticket ids as one string', JSON.stringify({ ticketIds: 'a,b' })),
    );
  }
  if (route.name.includes('/v1/macros')) {
    cases.push(
      at('a language it does not speak', JSON.stringify({ ...route.valid, lang: 'de' })),
      at('a title of whitespace only', JSON.stringify({ ...route.valid, title: ' \n\t ' })),
      at('a text of whitespace only', JSON.stringify({ ...route.valid, text: ' \n\t ' })),
    );
    if (route.method === 'PATCH') cases.push(at('no fields', '{}'), at('an empty body', ''));
    else cases.push(at('lang missing', JSON.stringify({ title: 'Greeting', text: 'Hello' })));
  }
  if (route.name.endsWith('/messages')) {
    cases.push(at('text of whitespace only', JSON.stringify({ ...route.valid, text: ' \n\t ' })));
  }
  return cases;
}

const PATH_CASES: readonly BadRequest[] = [
  ...PROTOTYPE_NAMES.flatMap((name): BadRequest[] => [
    { name: `GET /kb/${name}`, method: 'GET', path: () => `/kb/${name}`, status: 404, html: true },
    { name: `GET /ui/${name}`, method: 'GET', path: () => `/ui/${name}`, status: 404, html: true },
    { name: `GET /docs/assets/${name}`, method: 'GET', path: () => `/docs/assets/${name}`, status: 404 },
    {
      name: `GET /v1/conversations/${name} with a customer token`,
      method: 'GET',
      path: () => `/v1/conversations/${name}`,
      token: () => fixture.conversationToken,
      status: 404,
    },
    {
      name: `POST /v1/conversations/${name}/messages with a customer token`,
      method: 'POST',
      path: () => `/v1/conversations/${name}/messages`,
      token: () => fixture.conversationToken,
      headers: JSON_TYPE,
      body: '{"text":"hello"}',
      status: 404,
    },
    {
      name: `POST /v1/conversations/${name}/rating with a customer token`,
      method: 'POST',
      path: () => `/v1/conversations/${name}/rating`,
      token: () => fixture.resolvedToken,
      headers: JSON_TYPE,
      body: '{"score":5}',
      status: 404,
    },
    {
      name: `GET /v1/tickets/${name} as an agent`,
      method: 'GET',
      path: () => `/v1/tickets/${name}`,
      token: () => staff.tokens.agent,
      status: 404,
    },
    {
      name: `GET /v1/tickets/${name}/context as an agent`,
      method: 'GET',
      path: () => `/v1/tickets/${name}/context`,
      token: () => staff.tokens.agent,
      status: 404,
    },
    {
      name: `POST /v1/conversations/${name}/page with a customer token`,
      method: 'POST',
      path: () => `/v1/conversations/${name}/page`,
      token: () => fixture.conversationToken,
      headers: JSON_TYPE,
      body: '{"page":"https://shop.example/"}',
      status: 404,
    },
    {
      name: `GET /v1/tickets/${name}/suggestion as an agent`,
      method: 'GET',
      path: () => `/v1/tickets/${name}/suggestion`,
      token: () => staff.tokens.agent,
      status: 404,
    },
    {
      name: `POST /v1/tickets/${name}/claim as an agent`,
      method: 'POST',
      path: () => `/v1/tickets/${name}/claim`,
      token: () => staff.tokens.agent,
      status: 404,
    },
    {
      name: `POST /v1/tickets/${name}/notes as an agent`,
      method: 'POST',
      path: () => `/v1/tickets/${name}/notes`,
      token: () => staff.tokens.agent,
      headers: JSON_TYPE,
      body: '{"text":"note"}',
      status: 404,
    },
    {
      name: `GET /v1/customers/${name}/export as a lead`,
      method: 'GET',
      path: () => `/v1/customers/${name}/export`,
      token: () => staff.tokens.lead,
      status: 404,
    },
    {
      name: `DELETE /v1/customers/${name} as an admin`,
      method: 'DELETE',
      path: () => `/v1/customers/${name}`,
      token: () => staff.tokens.admin,
      status: 404,
    },
    {
      name: `PATCH /v1/macros/${name} as a lead`,
      method: 'PATCH',
      path: () => `/v1/macros/${name}`,
      token: () => staff.tokens.lead,
      headers: JSON_TYPE,
      body: '{"title":"x"}',
      status: 404,
    },
    {
      name: `DELETE /v1/macros/${name} as a lead`,
      method: 'DELETE',
      path: () => `/v1/macros/${name}`,
      token: () => staff.tokens.lead,
      status: 404,
    },
    {
      name: `GET /v1/evals/${name}/report.html as a lead`,
      method: 'GET',
      path: () => `/v1/evals/${name}/report.html`,
      token: () => staff.tokens.lead,
      status: 404,
    },
  ]),
  {
    name: 'GET /docs/assets/ with a traversal',
    method: 'GET',
    path: () => '/docs/assets/..%2F..%2Fpackage.json',
    status: 404,
  },
  {
    name: 'GET /kb/ with a traversal',
    method: 'GET',
    path: () => '/kb/..%2F..%2Fpackage.json',
    status: 404,
    html: true,
  },
  {
    name: 'GET /ui/ with a traversal',
    method: 'GET',
    path: () => '/ui/..%2F..%2Fpackage.json',
    status: 404,
    html: true,
  },
  {
    name: 'GET /v1/evals/{id}/report.html with a traversal',
    method: 'GET',
    path: () => '/v1/evals/..%2F..%2F..%2Fetc/report.html',
    token: () => staff.tokens.lead,
    status: 404,
  },
  {
    name: 'GET /v1/tickets/{id} with an id over 100 characters',
    method: 'GET',
    path: () => `/v1/tickets/${'x'.repeat(101)}`,
    token: () => staff.tokens.agent,
    status: 400,
  },
  {
    name: 'GET /v1/conversations/{id} with an id over 100 characters',
    method: 'GET',
    path: () => `/v1/conversations/${'x'.repeat(101)}`,
    token: () => fixture.conversationToken,
    status: 400,
  },
  {
    name: 'GET /v1/customers/{key}/export with a key over 320 characters',
    method: 'GET',
    path: () => `/v1/customers/${'x'.repeat(321)}/export`,
    token: () => staff.tokens.lead,
    status: 400,
  },
  {
    name: 'GET /v1/conversations/{id} with a malformed percent escape',
    method: 'GET',
    path: () => '/v1/conversations/%E0%A4%A',
    token: () => fixture.conversationToken,
    status: 404,
  },
];

const agentGet = (name: string, path: string, status: number, token = () => staff.tokens.lead): BadRequest => ({
  name,
  method: 'GET',
  path: () => path,
  token,
  status,
});

const QUERY_AND_HEADER_CASES: readonly BadRequest[] = [
  agentGet('GET /v1/tickets?status=__proto__', '/v1/tickets?status=__proto__', 400),
  agentGet('GET /v1/tickets?lang=constructor', '/v1/tickets?lang=constructor', 400),
  agentGet('GET /v1/metrics?from=not-a-date', '/v1/metrics?from=not-a-date', 400),
  agentGet('GET /v1/metrics?from after to', '/v1/metrics?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z', 400),
  agentGet('GET /v1/metrics/series?buckets=-1', '/v1/metrics/series?buckets=-1', 400),
  agentGet('GET /v1/metrics/series?buckets=1e9', '/v1/metrics/series?buckets=1000000000', 400),
  agentGet('GET /v1/metrics/series?buckets=__proto__', '/v1/metrics/series?buckets=__proto__', 400),
  agentGet('GET /v1/evals?limit=abc', '/v1/evals?limit=abc', 400),
  agentGet('GET /v1/evals?limit=0', '/v1/evals?limit=0', 400),
  agentGet('GET /v1/reports/performance without a period', '/v1/reports/performance', 400),
  agentGet('GET /v1/reports/performance?from=not-a-date', '/v1/reports/performance?from=not-a-date&to=2026-02-01', 400),
  agentGet('GET /v1/reports/performance?from after to', '/v1/reports/performance?from=2026-02-01&to=2026-01-01', 400),
  agentGet('GET /v1/reports/performance?from equal to', '/v1/reports/performance?from=2026-02-01&to=2026-02-01', 400),
  agentGet('GET /v1/reports/performance over 366 days', '/v1/reports/performance?from=2025-01-01&to=2026-01-03', 400),
  agentGet(
    'GET /v1/reports/performance?by=__proto__',
    '/v1/reports/performance?from=2026-01-01&to=2026-02-01&by=__proto__',
    400,
  ),
  agentGet(
    'GET /v1/reports/performance.csv?by=team',
    '/v1/reports/performance.csv?from=2026-01-01&to=2026-02-01&by=team',
    400,
  ),
  agentGet('GET /v1/reports/tickets without a kpi', '/v1/reports/tickets?from=2026-01-01&to=2026-02-01', 400),
  agentGet(
    'GET /v1/reports/tickets?kpi=constructor',
    '/v1/reports/tickets?from=2026-01-01&to=2026-02-01&kpi=constructor',
    400,
  ),
  agentGet(
    'GET /v1/reports/tickets with agent and group',
    '/v1/reports/tickets?from=2026-01-01&to=2026-02-01&kpi=tickets&agent=a&group=b',
    400,
  ),
  agentGet(
    'GET /v1/reports/tickets?limit=0',
    '/v1/reports/tickets?from=2026-01-01&to=2026-02-01&kpi=tickets&limit=0',
    400,
  ),
  agentGet(
    'GET /v1/reports/csat-comments?limit=1e9',
    '/v1/reports/csat-comments?from=2026-01-01&to=2026-02-01&limit=1000000000',
    400,
  ),
  agentGet(
    'GET /v1/reports/csat-comments?to=2026-13-45',
    '/v1/reports/csat-comments?from=2026-01-01&to=2026-13-45',
    400,
  ),
  agentGet('GET /v1/macros?lang=__proto__', '/v1/macros?lang=__proto__', 400),
  agentGet('GET /v1/macros?q= over 200 characters', `/v1/macros?q=${'x'.repeat(201)}`, 400),
  {
    name: 'GET /v1/agent/me with a 10 kB bearer token',
    method: 'GET',
    path: () => '/v1/agent/me',
    headers: { authorization: `Bearer ${'x'.repeat(10_000)}` },
    status: 401,
  },
  {
    name: 'GET /v1/agent/me with two tokens in one header',
    method: 'GET',
    path: () => '/v1/agent/me',
    headers: { authorization: `Bearer a b` },
    status: 401,
  },
  {
    name: 'GET /v1/agent/me with Basic credentials',
    method: 'GET',
    path: () => '/v1/agent/me',
    headers: { authorization: 'Basic YWRtaW46YWRtaW4=' },
    status: 401,
  },
  {
    name: 'GET /v1/agent/me with a bearer token named __proto__',
    method: 'GET',
    path: () => '/v1/agent/me',
    headers: { authorization: 'Bearer __proto__' },
    status: 401,
  },
  {
    name: 'GET /v1/conversations/{id} with a customer token named constructor',
    method: 'GET',
    path: () => `/v1/conversations/${fixture.conversationId}`,
    headers: { authorization: 'Bearer constructor' },
    status: 403,
  },
  {
    name: 'PUT /v1/tickets/{id}/claim (a method the route does not have)',
    method: 'PUT',
    path: () => `/v1/tickets/${fixture.claimedTicketId}/claim`,
    token: () => staff.tokens.admin,
    status: 404,
  },
  {
    name: 'DELETE /v1/conversations/{id} (a method the route does not have)',
    method: 'DELETE',
    path: () => `/v1/conversations/${fixture.conversationId}`,
    token: () => fixture.conversationToken,
    status: 404,
  },
  {
    name: 'PATCH /v1/conversations/{id} with a JSON body (a method the route does not have)',
    method: 'PATCH',
    path: () => `/v1/conversations/${fixture.conversationId}`,
    token: () => fixture.conversationToken,
    headers: JSON_TYPE,
    body: '{"status":"resolved"}',
    status: 404,
  },
  {
    name: 'POST /v1/conversations/{id}/messages streaming (Accept: text/event-stream) with a wrong type',
    method: 'POST',
    path: () => `/v1/conversations/${fixture.conversationId}/messages`,
    token: () => fixture.conversationToken,
    headers: { ...JSON_TYPE, accept: 'text/event-stream' },
    body: '{"text":5}',
    status: 400,
  },
  {
    name: 'POST /v1/conversations/{id}/messages streaming with "__proto__"',
    method: 'POST',
    path: () => `/v1/conversations/${fixture.conversationId}/messages`,
    token: () => fixture.conversationToken,
    headers: { ...JSON_TYPE, accept: 'text/event-stream' },
    body: '{"text":"hi","__proto__":{"polluted":"yes"}}',
    status: 400,
  },
  agentGet(
    'GET /v1/customers/{key}/export with SQL in the key',
    `/v1/customers/${encodeURIComponent("' OR 1=1 --")}/export`,
    404,
  ),
  agentGet(
    'GET /v1/customers/{key}/export with a LIKE wildcard as the key',
    `/v1/customers/${encodeURIComponent('%')}/export`,
    404,
  ),
];

async function send(request: BadRequest): Promise<Response> {
  const headers: Record<string, string> = { ...(request.headers ?? {}) };
  if (request.token !== undefined) headers.authorization = `Bearer ${request.token()}`;
  return service.app.request(request.path(), {
    method: request.method,
    headers,
    ...(request.body === undefined ? {} : { body: request.body }),
  });
}

async function expectRefused(request: BadRequest): Promise<void> {
  const response = await send(request);
  const body = await bodyOf(response);
  const shown = typeof body === 'string' ? body.slice(0, 200) : JSON.stringify(body).slice(0, 300);
  expect(response.status, `${request.name}: never a server error (body ${shown})`).toBeLessThan(500);
  expect(response.status, `${request.name}: status (body ${shown})`).toBe(request.status);
  if (request.html === true) {
    expect(response.headers.get('content-type'), request.name).toMatch(/^text\/html/);
    return;
  }
  expect(response.headers.get('content-type'), request.name).toMatch(/^application\/json/);
  expectErrorShape(body, request.name);
}

for (const route of BODY_ROUTES) {
  describe(`bad bodies for ${route.name}`, () => {
    for (const request of bodyCases(route)) {
      it(`refuses ${request.name.slice(route.name.length + 2)} with ${request.status}`, () => expectRefused(request));
    }
  });
}

const OCTET = { 'content-type': 'application/octet-stream' };
const customerUpload = (name: string, body: Body, status: number, query = ''): BadRequest => ({
  name,
  method: 'POST',
  path: () => `/v1/conversations/${fixture.conversationId}/attachments${query}`,
  token: () => fixture.conversationToken,
  headers: OCTET,
  body,
  status,
});
const jsonMessage = (name: string, attachmentIds: unknown, status: number): BadRequest => ({
  name,
  method: 'POST',
  path: () => `/v1/conversations/${fixture.conversationId}/messages`,
  token: () => fixture.conversationToken,
  headers: JSON_TYPE,
  body: JSON.stringify({ text: 'see the file', attachmentIds }),
  status,
});

const ATTACHMENT_CASES: readonly BadRequest[] = [
  customerUpload('a web page named photo.png', HTML_PAGE, 415, '?name=photo.png'),
  customerUpload('an SVG image', new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'), 415),
  customerUpload('an empty file', new Uint8Array(), 400),
  customerUpload('a file over MAX_ATTACHMENT_BYTES', new Uint8Array(5 * 1024 * 1024 + 1), 413),
  customerUpload('a name of 1,001 characters', pngImage(), 400, `?name=${'a'.repeat(1001)}`),
  ...PROTOTYPE_NAMES.map((name): BadRequest => ({
    ...customerUpload(`an upload to conversation ${name}`, pngImage(), 404),
    path: () => `/v1/conversations/${name}/attachments`,
  })),
  ...PROTOTYPE_NAMES.map((name): BadRequest => ({
    name: `GET /v1/attachments/${name}`,
    method: 'GET',
    path: () => `/v1/attachments/${name}`,
    token: () => fixture.conversationToken,
    status: 404,
  })),
  jsonMessage('attachmentIds as a string', 'abc', 400),
  jsonMessage('attachmentIds of numbers', [1, 2], 400),
  jsonMessage('attachmentIds repeated', ['a', 'a'], 400),
  jsonMessage('attachmentIds of prototype names', ['__proto__', 'constructor'], 404),
  jsonMessage('six attachmentIds', ['1', '2', '3', '4', '5', '6'], 400),
];

describe('bad uploads and attachment references', () => {
  for (const request of ATTACHMENT_CASES) it(`${request.name} is ${request.status}`, () => expectRefused(request));
});

describe('prototype names and traversal as path parameters', () => {
  for (const request of PATH_CASES) it(`${request.name} is ${request.status}`, () => expectRefused(request));
});

describe('bad queries and authorization headers', () => {
  for (const request of QUERY_AND_HEADER_CASES)
    it(`${request.name} is ${request.status}`, () => expectRefused(request));
});

describe('prototype names as ticket ids in a bulk close', () => {
  it('skips them as unknown tickets', async () => {
    const response = await service.app.request('/v1/ticket-closures', {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.tokens.lead}`, ...JSON_TYPE },
      body: JSON.stringify({ ticketIds: PROTOTYPE_NAMES }),
    });
    expect(response.status).toBe(200);
    const result = (await response.json()) as { closed: string[]; skipped: { id: string }[] };
    expect(result.closed).toEqual([]);
    expect(result.skipped.map((entry) => entry.id).sort()).toEqual([...PROTOTYPE_NAMES].sort());
  });
});

describe('a body of unknown length over the limit', () => {
  it('is refused with 413 as it streams in', async () => {
    const encoded = new TextEncoder().encode(JSON.stringify({ text: 'x'.repeat(MAX_BODY_BYTES + 1000) }));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoded.slice(0, 30_000));
        controller.enqueue(encoded.slice(30_000));
        controller.close();
      },
    });
    const init: RequestInit & { duplex: 'half' } = {
      method: 'POST',
      headers: { authorization: `Bearer ${fixture.conversationToken}`, ...JSON_TYPE },
      body,
      duplex: 'half',
    };
    const response = await service.app.request(`/v1/conversations/${fixture.conversationId}/messages`, init);
    expect(response.status).toBe(413);
    expectErrorShape(await response.json(), 'chunked body', 'payload_too_large');
  });
});

describe('prototype names in a ticket filter', () => {
  it('match no tickets', async () => {
    for (const name of PROTOTYPE_NAMES) {
      for (const query of [`flood=${name}`, `group=${name}`]) {
        const response = await service.app.request(`/v1/tickets?${query}`, {
          headers: { authorization: `Bearer ${staff.tokens.agent}` },
        });
        expect({ query, status: response.status, body: await response.json() }).toEqual({
          query,
          status: 200,
          body: { tickets: [] },
        });
      }
    }
  });
});

describe('after the bad input', () => {
  it('left Object.prototype untouched in this process', () => {
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeBefore);
    const probe: Record<string, unknown> = {};
    expect(probe.polluted).toBeUndefined();
    expect(Object.prototype.constructor).toBe(Object);
  });

  it('still opens conversations, answers customers and takes agent work', async () => {
    const conversation = await openConversation(service.app, { lang: 'en', customer: { name: 'Ann' } });
    const posted = await conversation.post({ text: 'How do I pay my bill?' });
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ message: { text: 'How do I pay my bill?' } });
    const read = await service.app.request(`/v1/conversations/${conversation.id}`, {
      headers: { authorization: `Bearer ${conversation.token}` },
    });
    expect(read.status).toBe(200);
    expect(await read.json()).toMatchObject({ id: conversation.id, customer: { name: 'Ann' } });
    const note = await service.app.request(`/v1/tickets/${fixture.claimedTicketId}/notes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${staff.tokens.agent}`, ...JSON_TYPE },
      body: JSON.stringify({ text: 'still fine' }),
    });
    expect(note.status).toBe(200);
    const unpolluted = await service.store.tickets.getTicket(fixture.claimedTicketId);
    expect(unpolluted?.status).toBe('assigned');
    expect((unpolluted as Record<string, unknown> | undefined)?.polluted).toBeUndefined();
  });

  it('logged no unhandled error for any of it', () => {
    expect(service.logger.entries.filter((entry) => entry.level === 'error')).toEqual([]);
  });
});
