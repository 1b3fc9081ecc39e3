// Customer API: open a conversation, post a message (JSON or a server-sent event stream), read it back. Runtime: any.
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import type { Conversation } from '../../core/conversation/conversation.ts';
import { optionById, pendingClarify } from '../../core/reply/option-choice.ts';
import { AppError } from '../../core/errors.ts';
import { customerKeyOf } from '../../core/queue/flood.ts';
import type { RateLimiting } from '../../core/ports/rate-limiter.ts';
import type { AppEnv } from '../app-env.ts';
import { conversationToken } from '../bearer.ts';
import { errorBody } from '../errors.ts';
import { errors, json } from '../openapi-helpers.ts';
import { invalidRequest, newRouter } from '../router.ts';
import { idParams } from '../schemas/common.ts';
import {
  conversationSchema,
  createConversationBody,
  createdConversationSchema,
  messageResultSchema,
  pageBody,
  pageRecordedSchema,
  postMessageBody,
} from '../schemas/conversations.ts';
import type { ReplyToken } from '../schemas/feed-events.ts';
import { customerMessageView, messageView, replyView } from '../views.ts';
import { streamPieces } from './stream-pieces.ts';

export interface ConversationRouteDependencies {
  readonly conversations: ConversationService;
  readonly perConversation: RateLimiting;
  readonly newConversations?: { readonly perAddress: RateLimiting; readonly perCustomer: RateLimiting } | undefined;
  readonly clientAddress: (c: Context) => string;
  readonly limits: { readonly maxTextLength: number };
}

/** 429 with Retry-After unless the limiter allows one more. */
function spend(limiter: RateLimiting | undefined, key: string | null, code: `rate_limited:${string}`, what: string) {
  if (limiter === undefined || key === null) return;
  const decision = limiter.take(key);
  if (!decision.allowed)
    throw new AppError(code, `too many new conversations ${what}; retry later`, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
}

/** Silence after which the stream says again that an answer is coming. */
const TYPING_EVERY_MS = 2000;

export function conversationRoutes(deps: ConversationRouteDependencies): OpenAPIHono<AppEnv> {
  const app = newRouter();
  const { conversations } = deps;
  const authorized = (c: Context, id: string): Promise<Conversation> =>
    conversations.authorize(id, conversationToken(c));

  app.openapi(
    createRoute({
      method: 'post',
      path: '/v1/conversations',
      summary: 'Open a conversation',
      request: { body: { content: { 'application/json': { schema: createConversationBody } }, required: false } },
      responses: { 201: json('Created', createdConversationSchema), ...errors(400, 413, 415, 429) },
    }),
    async (c) => {
      const raw = await c.req.text();
      const parsed = raw.trim() === '' ? {} : parseJson(raw);
      const body = createConversationBody.safeParse(parsed);
      if (!body.success) throw invalidRequest(body.error);
      const address = deps.clientAddress(c);
      spend(deps.newConversations?.perAddress, address, 'rate_limited:new_conversations', 'from this address');
      const customerKey = customerKeyOf(body.data.customer ?? {});
      spend(deps.newConversations?.perCustomer, customerKey, 'rate_limited:customer', 'for this customer');
      const { conversation, token } = await conversations.create({ ...body.data, address });
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
      request: { params: idParams, body: { content: { 'application/json': { schema: messageBody } }, required: true } },
      responses: {
        200: {
          description: 'The stored message and the bot reply',
          content: {
            'application/json': { schema: messageResultSchema },
            'text/event-stream': { schema: { type: 'string' } },
          },
        },
        ...errors(400, 401, 403, 404, 409, 413, 415, 429, 503),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const conversation = await authorized(c, id);
      const decision = deps.perConversation.take(conversation.id);
      if (!decision.allowed) {
        throw new AppError('rate_limited:conversation', 'too many messages in this conversation; retry later', {
          retryAfterSeconds: decision.retryAfterSeconds,
        });
      }
      if (body.optionId !== undefined)
        await checkOption(conversations, conversation, body.optionId, body.clientMessageId);
      if ((c.req.header('accept') ?? '').includes('text/event-stream')) {
        // Stored (or refused as a conflict, with a JSON 409) before the stream opens.
        const accepted = await conversations.accept(conversation, body);
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
            const result = await conversations.answer(
              accepted,
              (text) => {
                quietSince = Date.now();
                for (const piece of streamPieces(text)) {
                  const token: ReplyToken = { text: piece };
                  void stream.writeSSE({ event: 'token', id: String((sequence += 1)), data: JSON.stringify(token) });
                }
              },
              c.get('requestId'),
            );
            clearInterval(heartbeat);
            await stream.writeSSE({
              event: 'reply',
              id: String((sequence += 1)),
              data: JSON.stringify(resultView(result)),
            });
          } catch (error) {
            clearInterval(heartbeat);
            const known =
              error instanceof AppError ? error : new AppError('internal:server', 'the reply could not be completed');
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
      method: 'post',
      path: '/v1/conversations/{id}/page',
      summary: 'Say which page the customer is on now (the widget, after the customer moved to another page)',
      security: [{ conversationToken: [] }],
      request: { params: idParams, body: { content: { 'application/json': { schema: pageBody } }, required: true } },
      responses: { 200: json('Recorded', pageRecordedSchema), ...errors(400, 401, 403, 404, 413, 415, 429) },
    }),
    async (c) => {
      const conversation = await authorized(c, c.req.valid('param').id);
      const { page } = c.req.valid('json');
      await conversations.updatePage(conversation, page);
      return c.json({ page }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/v1/conversations/{id}',
      summary: 'Read a conversation with its messages in order',
      security: [{ conversationToken: [] }],
      request: { params: idParams },
      responses: { 200: json('The conversation', conversationSchema), ...errors(401, 403, 404, 429) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { conversation, messages, queue } = await conversations.read(await authorized(c, id));
      return c.json({ ...conversation, messages: messages.map(messageView), queue }, 200);
    },
  );
  return app;
}

/**
 * 400 `bad_request:option` unless `optionId` names an option of the clarifying question that is the conversation's
 * last message. A retried message (its `clientMessageId` already stored) is not checked again: it returns its result.
 */
async function checkOption(
  conversations: ConversationService,
  conversation: Conversation,
  optionId: string,
  clientMessageId: string | undefined,
): Promise<void> {
  const { messages } = await conversations.read(conversation);
  const retried =
    clientMessageId !== undefined &&
    messages.some((message) => message.role === 'customer' && message.clientMessageId === clientMessageId);
  if (retried || optionById(messages, optionId) !== undefined) return;
  const offered = pendingClarify(messages)?.options.map((option) => option.id);
  throw new AppError(
    'bad_request:option',
    offered === undefined
      ? `optionId ${optionId} answers no question: the last reply offers no options; send the text alone`
      : `optionId ${optionId} is not an option of the last reply; it offers ${offered.join(', ')}`,
  );
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw new AppError('bad_request:json', 'the request body is not valid JSON');
  }
}

function resultView(result: Awaited<ReturnType<ConversationService['post']>>) {
  return {
    message: customerMessageView(result.message),
    reply: result.reply === null ? null : replyView(result.reply),
    ...(result.notice == null ? {} : { notice: messageView(result.notice) }),
  };
}
