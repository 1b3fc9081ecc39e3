// The customer API's bodies: opening a conversation, posting a message and its result, reading the conversation,
// rating it. Runtime: any.
import { z } from '@hono/zod-openapi';
import { customerProfileSchema, customerSchema } from '../../core/conversation/conversation.ts';
import { langField } from './common.ts';
import { attachmentIdsField, requireTextOrFiles } from './attachments.ts';
import { botReplySchema, customerMessageSchema, messageSchema } from './messages.ts';

/** What the host page says about the customer, and the signature of their id when the site verifies identities. */
const customerClaimSchema = customerSchema.extend({
  userHash: z
    .string()
    .trim()
    .regex(/^[0-9a-fA-F]{1,128}$/, 'userHash is the hex HMAC-SHA256 of the customer id')
    .optional()
    .openapi({
      description:
        "Hex HMAC-SHA256 of `id` keyed with the site's IDENTITY_SECRET, computed by the site's backend: a valid one marks the profile verified.",
    }),
});

/** The page the customer is on (the widget sends `location.href`, cut to 2,000 characters). */
const pageField = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .openapi({ description: 'The page the customer is on, for the agents.', example: 'https://shop.example/billing' });

export const createConversationBody = z
  .strictObject({
    lang: langField.optional(),
    customer: customerClaimSchema.optional().openapi({ example: { id: 'crm-42', name: 'Анна', plan: 'Optima' } }),
    channel: z.string().trim().min(1).max(50).optional().openapi({ example: 'web' }),
    page: pageField.optional(),
  })
  .openapi('CreateConversation');

export const pageBody = z.strictObject({ page: pageField }).openapi('ConversationPage');
export const pageRecordedSchema = z.object({ page: z.string() }).openapi('ConversationPageRecorded');

export const createdConversationSchema = z
  .object({
    id: z.string(),
    token: z.string().openapi({ description: 'Bearer token for this conversation only; shown once.' }),
  })
  .openapi('ConversationCreated');

/** Some character that shows: neither whitespace nor an invisible format character (zero-width space, BOM, …). */
const VISIBLE = /[^\s\p{Cf}]/u;

export function postMessageBody(maxTextLength: number) {
  return z
    .strictObject({
      text: z
        .string()
        .transform((text) => text.trim())
        .pipe(
          z
            .string()
            .max(maxTextLength, `text must be at most ${maxTextLength} characters`)
            // Empty text has its own message above.
            .refine((text) => text === '' || VISIBLE.test(text), 'the message has no visible characters'),
        ),
      clientMessageId: z
        .string()
        .trim()
        .min(1)
        .max(200)
        .optional()
        .openapi({ description: 'Idempotency key: a repeat returns the first result.' }),
      optionId: z.string().trim().min(1).max(50).optional().openapi({
        description:
          "Picks an option of the clarifying question right before (its `id` in the reply's `options`); `text` is then the option's label. The question the clarification was about is answered from that option's article. An id the last reply did not offer is a 400 `bad_request:option`.",
      }),
      attachmentIds: attachmentIdsField,
    })
    .superRefine(requireTextOrFiles)
    .openapi('PostMessage', {
      description:
        'A message is text, files (`attachmentIds`) or both; with files `text` may be empty. The bot reads the text only: files alone get a short reply asking to describe the question in words.',
    });
}

export const messageResultSchema = z
  .object({
    message: customerMessageSchema,
    reply: botReplySchema
      .nullable()
      .openapi({ description: 'Null while a person owns the conversation: the bot stays silent.' }),
    notice: messageSchema.optional().openapi({
      description:
        'While the customer waits for a person: a short `system` message saying their words reached the request (at most one per 10 minutes, unless the request became more urgent).',
    }),
  })
  .openapi('MessageResult');

export const conversationSchema = z
  .object({
    id: z.string(),
    status: z.enum(['bot', 'waiting', 'assigned', 'transferred', 'resolved']),
    lang: langField.nullable(),
    channel: z.string(),
    customer: customerProfileSchema,
    createdAt: z.string(),
    updatedAt: z.string(),
    messages: z.array(messageSchema),
    queue: z
      .object({ position: z.number().int(), expectedWaitMinutes: z.number(), opensAt: z.string().optional() })
      .nullable()
      .openapi({
        description: 'While the conversation waits for a person: its place in the queue and the expected wait.',
      }),
  })
  .openapi('Conversation');

export const ratingBody = z.strictObject({
  score: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});

export const ratingRecordedSchema = z.object({ status: z.literal('recorded') });
