// Agent API: the queue, ticket work, suggestions, live events; customer ratings and customer events. Runtime: any.
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import { AppError } from '../../core/errors.ts';
import type { EventFeed } from '../../core/ports/event-feed.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { Agent, AgentRole } from '../../core/queue/ticket.ts';
import type { AppEnv } from '../app.ts';
import { agentEventView, customerEventView, eventFeed, lastEventId } from '../event-stream.ts';
import { errorSchema } from '../schemas.ts';
import { agentMessageView, messageView } from '../views.ts';

export interface TicketRouteDependencies {
  readonly agents: AgentService;
  readonly conversations: ConversationService;
  readonly tickets: TicketStore;
  readonly now: () => Date;
  readonly feed: EventFeed;
}

export const WORKERS: readonly AgentRole[] = ['agent', 'lead', 'admin'];
const ADMINS: readonly AgentRole[] = ['admin'];

export function token(c: Context): string | undefined {
  return /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '')?.[1];
}

export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, { description: 'Error', content: { 'application/json': { schema: errorSchema } } }]));
const idParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const textBody = z.strictObject({ text: z.string().transform((text) => text.trim()).pipe(z.string().min(1, 'text must not be empty').max(10_000)) });
const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });
export const ok = (description: string) => ({ 200: { description, content: { 'application/json': { schema: z.object({}).passthrough() } } } });

export function ticketRoutes(app: OpenAPIHono<AppEnv>, deps: TicketRouteDependencies): void {
  const { agents } = deps;
  const as = (c: Context, roles: readonly AgentRole[]): Promise<Agent> => agents.authenticate(token(c), roles);
  const security = [{ agentToken: [] }];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tickets',
      summary: 'The queue: open tickets by priority, then SLA deadline',
      security,
      request: { query: z.object({ status: z.enum(['waiting', 'assigned', 'transferred', 'resolved', 'released']).optional(), group: z.string().optional(), lang: z.enum(['ru', 'en']).optional() }) },
      responses: { ...ok('Tickets'), ...errors(400, 401, 403) },
    }),
    async (c) => {
      await as(c, WORKERS);
      return c.json({ tickets: await agents.list(c.req.valid('query')) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/v1/tickets/{id}', summary: 'A ticket with its summary, transcript and notes', security, request: { params: idParams }, responses: { ...ok('Ticket'), ...errors(401, 403, 404) } }),
    async (c) => {
      await as(c, WORKERS);
      const { ticket, transcript, notes } = await agents.read(c.req.valid('param').id);
      return c.json({ ticket, transcript: transcript.map(agentMessageView), notes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tickets/{id}/suggestion',
      summary: 'A reply drafted from the knowledge base for the agent to edit (null when nothing supports one)',
      security,
      request: { params: idParams },
      responses: { ...ok('Suggestion'), ...errors(401, 403, 404) },
    }),
    async (c) => {
      await as(c, WORKERS);
      return c.json({ suggestion: await agents.suggest(c.req.valid('param').id) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/v1/agent/me', summary: 'The signed-in agent', security, responses: { ...ok('Agent'), ...errors(401) } }),
    async (c) => c.json({ agent: await as(c, WORKERS) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/v1/tickets/{id}/claim', summary: 'Claim a ticket (exactly one of concurrent claims wins; the others get 409)', security, request: { params: idParams }, responses: { ...ok('Claimed'), ...errors(401, 403, 404, 409) } }),
    async (c) => c.json({ ticket: await agents.claim(c.req.valid('param').id, await as(c, WORKERS)) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/v1/tickets/{id}/messages', summary: 'Send a message to the customer', security, request: { params: idParams, body: json(textBody) }, responses: { ...ok('Sent'), ...errors(400, 401, 403, 404, 409) } }),
    async (c) => c.json({ message: messageView(await agents.message(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').text)) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/v1/tickets/{id}/notes', summary: 'Add an internal note (never shown to the customer)', security, request: { params: idParams, body: json(textBody) }, responses: { ...ok('Added'), ...errors(400, 401, 403, 404) } }),
    async (c) => c.json({ note: await agents.note(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').text) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/transfer',
      summary: 'Transfer to another group (e.g. second line)',
      security,
      request: { params: idParams, body: json(z.strictObject({ group: z.string().trim().min(1).max(100) })) },
      responses: { ...ok('Transferred'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json({ ticket: await agents.transfer(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').group) }, 200),
  );

  app.openapi(
    createRoute({ method: 'post', path: '/v1/tickets/{id}/release', summary: 'Hand the conversation back to the bot', security, request: { params: idParams }, responses: { ...ok('Released'), ...errors(401, 403, 404, 409) } }),
    async (c) => c.json({ ticket: await agents.release(c.req.valid('param').id, await as(c, WORKERS)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/resolve',
      summary: 'Resolve with a resolution code',
      security,
      request: { params: idParams, body: json(z.strictObject({ resolution: z.string().trim().min(1).max(100) })) },
      responses: { ...ok('Resolved'), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => c.json({ ticket: await agents.resolve(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').resolution) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations/{id}/rating',
      summary: 'Rate a resolved conversation (once)',
      security: [{ conversationToken: [] }],
      request: { params: idParams, body: json(z.strictObject({ score: z.number().int().min(1).max(5), comment: z.string().trim().max(2000).optional() })) },
      responses: { 201: { description: 'Recorded', content: { 'application/json': { schema: z.object({ status: z.literal('recorded') }) } } }, ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const conversation = await deps.conversations.authorize(c.req.valid('param').id, customerToken(c));
      const body = c.req.valid('json');
      await deps.tickets.addRating({ conversationId: conversation.id, score: body.score, comment: body.comment, at: deps.now().toISOString() });
      return c.json({ status: 'recorded' as const }, 201);
    },
  );

  app.get('/v1/conversations/:id/events', async (c) => {
    const conversation = await deps.conversations.authorize(c.req.param('id'), customerToken(c));
    return eventFeed(c, { feed: deps.feed, after: lastEventId(c) ?? 0, conversationId: conversation.id, map: customerEventView });
  });

  app.get('/v1/agent/events', async (c) => {
    await as(c, WORKERS);
    const start = lastEventId(c) ?? (await deps.tickets.lastEventSeq());
    return eventFeed(c, { feed: deps.feed, after: start, map: agentEventView });
  });

  app.openapi(
    createRoute({ method: 'get', path: '/v1/admin/agents', summary: 'List agents (admins)', security, responses: { ...ok('Agents'), ...errors(401, 403) } }),
    async (c) => {
      await as(c, ADMINS);
      return c.json({ agents: await deps.tickets.listAgents() }, 200);
    },
  );
}

function customerToken(c: Context): string {
  const value = token(c);
  if (value === undefined) throw new AppError('unauthorized:token', 'send the conversation token as "Authorization: Bearer <token>"');
  return value;
}
