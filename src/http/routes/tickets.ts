// Agent API: the queue, ticket work, suggestions, live events; customer ratings and customer events. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import type { EventFeed } from '../../core/ports/event-feed.ts';
import type { PresenceSignals } from '../../core/ports/presence-signals.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import { ADMINS, LEADS, WORKERS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { bearerToken, conversationToken } from '../bearer.ts';
import {
  agentEventView,
  agentTypingView,
  customerEventView,
  customerTypingView,
  eventFeed,
  lastEventId,
} from '../event-stream.ts';
import { errors, json, jsonBody, ok } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import {
  agentListSchema,
  agentResultSchema,
  newTokenSchema,
  presenceBody,
  presenceResultSchema,
  teamSchema,
} from '../schemas/agents.ts';
import { idParams } from '../schemas/common.ts';
import { ratingBody, ratingRecordedSchema } from '../schemas/conversations.ts';
import { isOpenTicket } from '../../core/desk/desk-rules.ts';
import {
  agentMessageBody,
  assignBody,
  closeTicketsBody,
  closeTicketsResultSchema,
  noteResultSchema,
  resolveBody,
  sentMessageSchema,
  suggestionResultSchema,
  textBody,
  ticketDetailsSchema,
  ticketListSchema,
  ticketQuery,
  ticketResultSchema,
  transferBody,
} from '../schemas/tickets.ts';
import { ticketContextSchema } from '../schemas/ticket-context.ts';
import { agentMessageView, messageView } from '../views.ts';

export interface TicketRouteDependencies {
  readonly agents: AgentService;
  readonly conversations: ConversationService;
  readonly tickets: TicketStore;
  readonly now: () => Date;
  readonly feed: EventFeed;
  /** Who is typing, merged into both feeds. */
  readonly typing: PresenceSignals;
}

/** Closed tickets and search results listed when no `limit` is asked for (the most recently updated). */
const CLOSED_LIST_LIMIT = 100;

/** Events an agent feed replays after Last-Event-ID at most; older ones are skipped with a `replay-truncated` event. */
export const AGENT_REPLAY_LIMIT = 1_000;

export function ticketRoutes(deps: TicketRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const { agents } = deps;
  const as = agentAuth(agents);
  const security = [{ agentToken: [] }];

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tickets',
      summary:
        'The queue: open tickets by priority, then SLA deadline; views by status, assignee, group, language and reason; search',
      security,
      request: { query: ticketQuery },
      responses: { ...ok('Tickets', ticketListSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const agent = await as(c, WORKERS);
      const { flood, assignee, q, limit, ...filter } = c.req.valid('query');
      const closedOrSearch = q !== undefined || (filter.status !== undefined && !isOpenTicket(filter.status));
      return c.json(
        {
          tickets: await agents.list({
            ...filter,
            flood: flood === 'true' ? true : flood,
            assignee: assignee === 'me' ? agent.id : assignee === 'none' ? null : assignee,
            query: q,
            limit: limit ?? (closedOrSearch ? CLOSED_LIST_LIMIT : undefined),
          }),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/ticket-closures',
      summary: 'Close open tickets in bulk, without claiming them (leads and admins; for a flood from one source)',
      description:
        'Each ticket closes in its own transaction with the given resolution (`flood` by default); tickets already resolved or released, or unknown, are listed in `skipped` and left as they are.',
      security,
      request: { body: jsonBody(closeTicketsBody) },
      responses: { ...ok('Closed', closeTicketsResultSchema), ...errors(400, 401, 403) },
    }),
    async (c) => {
      const lead = await as(c, LEADS);
      const { ticketIds, resolution } = c.req.valid('json');
      return c.json(await agents.closeMany(ticketIds, lead, resolution), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tickets/{id}',
      summary: 'A ticket with its summary, transcript and notes',
      security,
      request: { params: idParams },
      responses: { ...ok('Ticket', ticketDetailsSchema), ...errors(401, 403, 404) },
    }),
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
      responses: { ...ok('Suggestion', suggestionResultSchema), ...errors(401, 403, 404) },
    }),
    async (c) => {
      await as(c, WORKERS);
      return c.json({ suggestion: await agents.suggest(c.req.valid('param').id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/tickets/{id}/context',
      summary:
        "The ticket's customer: profile (verified or only claimed), page, language, channel, earlier conversations",
      security,
      request: { params: idParams },
      responses: { ...ok('Context', ticketContextSchema), ...errors(401, 403, 404) },
    }),
    async (c) => {
      await as(c, WORKERS);
      return c.json(await agents.context(c.req.valid('param').id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agent/me',
      summary: 'The signed-in agent',
      security,
      responses: { ...ok('Agent', agentResultSchema), ...errors(401) },
    }),
    async (c) => c.json({ agent: await as(c, WORKERS) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/agent/token',
      summary: 'Sign out everywhere: a new token for you, and every sign-in with the old one ends',
      description:
        'The old token stops working at once on this server, and within a minute on others sharing the database. The new token is in the response only: keep it to sign in again.',
      security,
      responses: { ...ok('New token', newTokenSchema), ...errors(401) },
    }),
    async (c) => {
      const agent = await as(c, WORKERS);
      return c.json(await agents.replaceToken(agent.id, bearerToken(c)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/v1/agent/presence',
      summary: 'Say whether you are taking conversations (online, away) or signing out (offline)',
      description:
        'Consoles repeat it every minute as a heartbeat: one that stops counts as offline after 150 seconds. With `AUTO_ASSIGN=round-robin`, waiting tickets go to online agents with room.',
      security,
      request: { body: jsonBody(presenceBody) },
      responses: { ...ok('Presence', presenceResultSchema), ...errors(400, 401) },
    }),
    async (c) => c.json({ agent: await agents.setPresence(await as(c, WORKERS), c.req.valid('json').presence) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/agents',
      summary: 'The team: every agent with their presence and the tickets they hold (to assign to)',
      security,
      responses: { ...ok('Team', teamSchema), ...errors(401, 403) },
    }),
    async (c) => {
      await as(c, WORKERS);
      return c.json({ agents: await agents.team() }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/claim',
      summary: 'Claim a ticket (exactly one of concurrent claims wins; the others get 409)',
      security,
      request: { params: idParams },
      responses: { ...ok('Claimed', ticketResultSchema), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json({ ticket: await agents.claim(c.req.valid('param').id, await as(c, WORKERS)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/messages',
      summary: 'Send a message to the customer',
      security,
      request: { params: idParams, body: jsonBody(agentMessageBody) },
      responses: { ...ok('Sent', sentMessageSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const { text, attachmentIds } = c.req.valid('json');
      const message = await agents.message(c.req.valid('param').id, await as(c, WORKERS), text, attachmentIds);
      return c.json({ message: messageView(message) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/notes',
      summary: 'Add an internal note (never shown to the customer)',
      security,
      request: { params: idParams, body: jsonBody(textBody) },
      responses: { ...ok('Added', noteResultSchema), ...errors(400, 401, 403, 404) },
    }),
    async (c) =>
      c.json({ note: await agents.note(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').text) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/reopen',
      summary: 'Reopen a resolved or released ticket: it is yours, and you may write to the customer again',
      security,
      request: { params: idParams },
      responses: { ...ok('Reopened', ticketResultSchema), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json({ ticket: await agents.reopen(c.req.valid('param').id, await as(c, WORKERS)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/assign',
      summary: 'Assign an open ticket to an agent (leads and admins: to anyone; agents: only to themselves)',
      security,
      request: { params: idParams, body: jsonBody(assignBody) },
      responses: { ...ok('Assigned', ticketResultSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        {
          ticket: await agents.assign(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').agentId),
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/transfer',
      summary: 'Transfer to another group (e.g. second line)',
      security,
      request: { params: idParams, body: jsonBody(transferBody) },
      responses: { ...ok('Transferred', ticketResultSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        { ticket: await agents.transfer(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').group) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/release',
      summary: 'Hand the conversation back to the bot',
      security,
      request: { params: idParams },
      responses: { ...ok('Released', ticketResultSchema), ...errors(401, 403, 404, 409) },
    }),
    async (c) => c.json({ ticket: await agents.release(c.req.valid('param').id, await as(c, WORKERS)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/resolve',
      summary: 'Resolve with a resolution code',
      security,
      request: { params: idParams, body: jsonBody(resolveBody) },
      responses: { ...ok('Resolved', ticketResultSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) =>
      c.json(
        { ticket: await agents.resolve(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').resolution) },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations/{id}/rating',
      summary: 'Rate a resolved conversation (once)',
      security: [{ conversationToken: [] }],
      request: { params: idParams, body: jsonBody(ratingBody) },
      responses: { 201: json('Recorded', ratingRecordedSchema), ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      const conversation = await deps.conversations.authorize(c.req.valid('param').id, conversationToken(c));
      const body = c.req.valid('json');
      await deps.tickets.addRating({
        conversationId: conversation.id,
        score: body.score,
        comment: body.comment,
        at: deps.now().toISOString(),
      });
      return c.json({ status: 'recorded' as const }, 201);
    },
  );

  app.get('/v1/conversations/:id/events', async (c) => {
    const conversation = await deps.conversations.authorize(c.req.param('id'), conversationToken(c));
    return eventFeed(c, {
      feed: deps.feed,
      after: lastEventId(c) ?? 0,
      conversationId: conversation.id,
      map: customerEventView,
      typing: { signals: deps.typing, map: customerTypingView },
    });
  });

  app.get('/v1/agent/events', async (c) => {
    await as(c, WORKERS);
    const latest = await deps.tickets.lastEventSeq();
    const asked = lastEventId(c);
    // A console that reconnects after a long absence reloads the queue instead of replaying the whole log.
    const oldest = Math.max(0, latest - AGENT_REPLAY_LIMIT);
    const start = asked === undefined ? latest : Math.max(asked, oldest);
    const truncated = asked !== undefined && asked < oldest ? { after: asked, resumedAfter: oldest } : undefined;
    const token = bearerToken(c);
    const stillAllowed = () =>
      agents.authenticate(token, WORKERS).then(
        () => true,
        () => false,
      );
    const typing = { signals: deps.typing, map: agentTypingView };
    return eventFeed(c, { feed: deps.feed, after: start, map: agentEventView, truncated, stillAllowed, typing });
  });

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/admin/agents',
      summary: 'List agents (admins)',
      security,
      responses: { ...ok('Agents', agentListSchema), ...errors(401, 403) },
    }),
    async (c) => {
      await as(c, ADMINS);
      return c.json({ agents: await deps.tickets.listAgents() }, 200);
    },
  );
  return app;
}
