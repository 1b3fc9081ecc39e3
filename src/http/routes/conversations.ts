// Customer API: open a conversation, post a message (JSON or a server-sent event stream), read it back. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import type { Conversation } from '../../core/conversation/conversation.ts';
import { AppError } from '../../core/errors.ts';
import type { RateLimiting } from '../../core/ports/rate-limiter.ts';
import type { AppEnv } from '../app.ts';
import { errorBody } from '../errors.ts';
import {
  conversationParams,
  conversationView,
  createConversationBody,
  createdConversation,
  errorSchema,
  postMessageBody,
  postMessageResult,
} from '../schemas.ts';
import { customerMessageView, messageView, replyView } from '../views.ts';

interface RouteDependencies {
  readonly conversations: ConversationService;
  readonly perConversation: RateLimiting;
  readonly limits: { readonly maxTextLength: number };
}

const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, { description: 'Error', content: { 'application/json': { schema: errorSchema } } }]));

function bearer(c: Context): string {
  const header = c.req.header('authorization') ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (match?.[1] === undefined) throw new AppError('unauthorized:token', 'send the conversation token as "Authorization: Bearer <token>"');
  return match[1];
}

export function conversationRoutes(app: OpenAPIHono<AppEnv>, deps: RouteDependencies): void {
  const { conversations } = deps;
  const authorized = (c: Context, id: string): Promise<Conversation> => conversations.authorize(id, bearer(c));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations',
      summary: 'Open a conversation',
      request: { body: { content: { 'application/json': { schema: createConversationBody } }, required: false } },
      responses: { 201: { description: 'Created', content: { 'application/json': { schema: createdConversation } } }, ...errors(400, 413, 415, 429) },
    }),
    async (c) => {
      const raw = await c.req.text();
      const parsed = raw.trim() === '' ? {} : parseJson(raw);
      const body = createConversationBody.safeParse(parsed);
      if (!body.success) {
        const issue = body.error.issues[0];
        throw new AppError(`bad_request:${issue?.path.join('.') || 'body'}`, body.error.issues.map((entry) => `${entry.path.join('.') || 'body'}: ${entry.message}`).join('; '));
      }
      const { conversation, token } = await conversations.create(body.data);
      return c.json({ id: conversation.id, token }, 201);
    },
  );

  const messageBody = postMessageBody(deps.limits.maxTextLength);
  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations/{id}/messages',
      summary: 'Post a customer message and get the reply',
      description:
        'With `Accept: text/event-stream` the reply streams: `typing` events while the answer is being prepared (at once, then every 2 s of silence), `token` events with text as it is produced and verified (never withdrawn: together they are the start of the final text), then one `reply` event with the same object as the JSON response.',
      security: [{ conversationToken: [] }],
      request: { params: conversationParams, body: { content: { 'application/json': { schema: messageBody } }, required: true } },
      responses: {
        200: { description: 'The stored message and the bot reply', content: { 'application/json': { schema: postMessageResult }, 'text/event-stream': { schema: { type: 'string' } } } },
        ...errors(400, 401, 403, 404, 409, 413, 415, 429),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const conversation = await authorized(c, id);
      const decision = deps.perConversation.take(conversation.id);
      if (!decision.allowed) throw new AppError('rate_limited:conversation', 'too many messages in this conversation; retry later', { retryAfterSeconds: decision.retryAfterSeconds });
      if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
        return streamSSE(c, async (stream) => {
          let sequence = 0;
          let quietSince = Date.now();
          // The customer sees that an answer is coming while the model writes and its claims are checked.
          const typing = () => void stream.writeSSE({ event: 'typing', data: '{}' });
          typing();
          const heartbeat = setInterval(() => {
            if (Date.now() - quietSince >= TYPING_EVERY_MS) typing();
          }, TYPING_EVERY_MS);
          try {
            const result = await conversations.post(
              conversation,
              body,
              (text) => {
                quietSince = Date.now();
                for (const piece of streamPieces(text)) void stream.writeSSE({ event: 'token', id: String((sequence += 1)), data: JSON.stringify({ text: piece }) });
              },
              c.get('requestId'),
            );
            clearInterval(heartbeat);
            await stream.writeSSE({ event: 'reply', id: String((sequence += 1)), data: JSON.stringify(resultView(result)) });
          } catch (error) {
            clearInterval(heartbeat);
            const known = error instanceof AppError ? error : new AppError('internal:server', 'the reply could not be completed');
            await stream.writeSSE({ event: 'error', data: JSON.stringify(errorBody(known.code, known.message)) });
          }
        }) as never;
      }
      const result = await conversations.post(conversation, body, undefined, c.get('requestId'));
      return c.json(resultView(result), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/conversations/{id}',
      summary: 'Read a conversation with its messages in order',
      security: [{ conversationToken: [] }],
      request: { params: conversationParams },
      responses: { 200: { description: 'The conversation', content: { 'application/json': { schema: conversationView } } }, ...errors(401, 403, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { conversation, messages, queue } = await conversations.read(await authorized(c, id));
      return c.json({ ...conversation, messages: messages.map(messageView), queue }, 200);
    },
  );
}

/** Silence after which the stream says again that an answer is coming. */
const TYPING_EVERY_MS = 2000;

/** Splits produced text into a few words per event, keeping whitespace, so clients can render it as it comes. */
export function streamPieces(text: string, wordsPerPiece = 3): string[] {
  const parts = text.match(/\S+\s*|\s+/g) ?? [];
  const pieces: string[] = [];
  for (let index = 0; index < parts.length; index += wordsPerPiece) pieces.push(parts.slice(index, index + wordsPerPiece).join(''));
  return pieces;
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('bad_request:json', 'the request body is not valid JSON');
  }
}

function resultView(result: Awaited<ReturnType<ConversationService['post']>>) {
  return { message: customerMessageView(result.message), reply: result.reply === null ? null : replyView(result.reply) };
}
