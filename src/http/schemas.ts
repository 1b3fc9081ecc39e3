// Request and response schemas of the public API: they validate requests and generate /openapi.json. Runtime: any.
import { z } from '@hono/zod-openapi';
import { customerSchema } from '../core/conversation/conversation.ts';

export const errorSchema = z
  .object({ error: z.object({ code: z.string().openapi({ example: 'bad_request:text' }), message: z.string() }) })
  .openapi('Error');

export const langField = z.enum(['ru', 'en']).openapi({ example: 'ru' });

export const createConversationBody = z
  .strictObject({
    lang: langField.optional(),
    customer: customerSchema.optional().openapi({ example: { id: 'crm-42', name: 'Анна', plan: 'Optima' } }),
    channel: z.string().trim().min(1).max(50).optional().openapi({ example: 'web' }),
  })
  .openapi('CreateConversation');

export const createdConversation = z.object({ id: z.string(), token: z.string().openapi({ description: 'Bearer token for this conversation only; shown once.' }) }).openapi('ConversationCreated');

export const conversationParams = z.object({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

export function postMessageBody(maxTextLength: number) {
  return z
    .strictObject({
      text: z
        .string()
        .transform((text) => text.trim())
        .pipe(z.string().min(1, 'text must not be empty').max(maxTextLength, `text must be at most ${maxTextLength} characters`)),
      clientMessageId: z.string().trim().min(1).max(200).optional().openapi({ description: 'Idempotency key: a repeat returns the first result.' }),
    })
    .openapi('PostMessage');
}

export const citationSchema = z.object({ articleId: z.string(), title: z.string(), url: z.string().optional() }).openapi('Citation');

export const confidenceSchema = z
  .object({ score: z.number().min(0).max(1), components: z.record(z.string(), z.number()) })
  .openapi('Confidence', { description: 'Overall score and its named parts, each in [0, 1].' });

export const customerMessageView = z.object({ id: z.string(), role: z.literal('customer'), text: z.string(), at: z.string() }).openapi('CustomerMessage');

export const replyView = z
  .object({
    id: z.string(),
    role: z.literal('bot'),
    text: z.string(),
    action: z.enum(['answer', 'clarify', 'handoff']),
    citations: z.array(citationSchema),
    confidence: confidenceSchema,
    lang: langField,
    reasons: z.array(z.string()).optional().openapi({ description: 'Why the bot handed off (with action handoff).' }),
    at: z.string(),
  })
  .openapi('BotReply');

export const postMessageResult = z
  .object({ message: customerMessageView, reply: replyView.nullable().openapi({ description: 'Null while a person owns the conversation: the bot stays silent.' }) })
  .openapi('MessageResult');

export const messageView = z
  .object({
    id: z.string(),
    role: z.enum(['customer', 'bot', 'agent', 'system']),
    text: z.string(),
    at: z.string(),
    author: z.object({ name: z.string() }).optional().openapi({ description: 'For agent messages: the agent who wrote it.' }),
    action: z.enum(['answer', 'clarify', 'handoff']).optional(),
    citations: z.array(citationSchema).optional(),
    confidence: confidenceSchema.optional(),
    lang: langField.optional(),
    reasons: z.array(z.string()).optional(),
  })
  .openapi('Message');

export const conversationView = z
  .object({
    id: z.string(),
    status: z.enum(['bot', 'waiting', 'assigned', 'transferred', 'resolved']),
    lang: langField.nullable(),
    channel: z.string(),
    customer: customerSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    messages: z.array(messageView),
    queue: z
      .object({ position: z.number().int(), expectedWaitMinutes: z.number(), opensAt: z.string().optional() })
      .nullable()
      .openapi({ description: 'While the conversation waits for a person: its place in the queue and the expected wait.' }),
  })
  .openapi('Conversation');
