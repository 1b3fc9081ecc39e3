// The customer data API's bodies: a customer's export (everything held about them) and an erasure's counts.
// Runtime: any.
import { z } from '@hono/zod-openapi';
import { conversationStatusSchema, customerSchema } from '../../core/conversation/conversation.ts';
import { langField } from './common.ts';
import { noteSchema, ticketSchema } from './tickets.ts';
import { attachmentSchema } from './attachments.ts';

export const customerKeyParams = z.object({
  key: z
    .string()
    .min(1)
    .max(320)
    .openapi({
      param: { name: 'key', in: 'path' },
      description: "The customer's `id` or `email` in the conversations' customer profile.",
      example: 'anna@example.com',
    }),
});

const exportedMessage = z.object({
  id: z.string(),
  conversationId: z.string(),
  role: z.enum(['customer', 'bot', 'agent', 'system']),
  text: z.string(),
  at: z.string(),
  clientMessageId: z.string().nullable().optional(),
  replyTo: z.string().nullable().optional(),
  reply: z
    .unknown()
    .optional()
    .openapi({ description: "A bot reply's metadata: action, citations, confidence, its check." }),
  author: z.object({ id: z.string(), name: z.string() }).nullable().optional(),
  attachments: z.array(attachmentSchema).readonly().optional().openapi({ description: 'Files sent with the message.' }),
});

const exportedEvent = z.object({
  seq: z.number(),
  conversationId: z.string(),
  type: z.string(),
  actor: z.string(),
  at: z.string(),
  data: z.unknown(),
});

export const customerExportSchema = z
  .object({
    key: z.string(),
    exportedAt: z.string(),
    conversations: z
      .array(
        z.object({
          id: z.string(),
          lang: langField.nullable(),
          customer: customerSchema,
          channel: z.string(),
          status: conversationStatusSchema,
          createdAt: z.string(),
          updatedAt: z.string(),
          messages: z.array(exportedMessage).readonly(),
          tickets: z
            .array(
              ticketSchema.omit({ assigneeName: true, waitingSeconds: true, overdue: true }).extend({
                notes: z.array(noteSchema).readonly(),
              }),
            )
            .readonly(),
          rating: z.object({ score: z.number(), comment: z.string().nullable(), at: z.string() }).nullable(),
          events: z.array(exportedEvent).readonly(),
        }),
      )
      .readonly(),
  })
  .openapi('CustomerExport', { description: 'Everything held about one customer, conversation by conversation.' });

export const erasureSchema = z
  .object({ conversations: z.number(), messages: z.number(), tickets: z.number() })
  .openapi('CustomerErasure', { description: 'What was erased.' });
