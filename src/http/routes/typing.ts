// Typing indicators: the customer's widget and the assignee's console say that someone is typing. Answered with 204
// whether the signal was passed on or ignored as a repeat, so clients need not count. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { AgentService } from '../../core/use-cases/agent-desk.ts';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import type { TypingPresence } from '../../core/use-cases/typing-presence.ts';
import { WORKERS, agentAuth } from '../agent-auth.ts';
import type { AppEnv } from '../app-env.ts';
import { conversationToken } from '../bearer.ts';
import { errors, jsonBody } from '../openapi-helpers.ts';
import { newRouter } from '../router.ts';
import { idParams } from '../schemas/common.ts';
import { typingBody } from '../schemas/typing.ts';

export interface TypingRouteDependencies {
  readonly conversations: ConversationService;
  readonly agents: AgentService;
  readonly typing: TypingPresence;
}

const DESCRIPTION =
  'Ephemeral: passed to the live feed of the other side as a `typing` event, never stored. Lasts 6 s unless repeated; repeats within 2 s are ignored (still 204).';

export function typingRoutes(deps: TypingRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const as = agentAuth(deps.agents);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations/{id}/typing',
      summary: 'Say that the customer is typing (or stopped); agents see it while a person is involved',
      description: DESCRIPTION,
      security: [{ conversationToken: [] }],
      request: { params: idParams, body: jsonBody(typingBody) },
      responses: { 204: { description: 'Noted' }, ...errors(400, 401, 403, 404, 413, 415, 429) },
    }),
    async (c) => {
      const conversation = await deps.conversations.authorize(c.req.valid('param').id, conversationToken(c));
      await deps.typing.customer(conversation, c.req.valid('json').typing ?? true);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/tickets/{id}/typing',
      summary: "Say that the assignee is typing a reply (or stopped); the customer sees it with the agent's name",
      description: `${DESCRIPTION} Only the assignee of an assigned ticket: others get 409, as for a message.`,
      security: [{ agentToken: [] }],
      request: { params: idParams, body: jsonBody(typingBody) },
      responses: { 204: { description: 'Noted' }, ...errors(400, 401, 403, 404, 409) },
    }),
    async (c) => {
      await deps.typing.agent(c.req.valid('param').id, await as(c, WORKERS), c.req.valid('json').typing ?? true);
      return c.body(null, 204);
    },
  );
  return app;
}
