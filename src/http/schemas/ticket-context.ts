// The agent's context sidebar: the ticket's customer (verified or only claimed), their page, language and channel,
// and their earlier conversations. Runtime: any.
import { z } from '@hono/zod-openapi';
import { conversationStatusSchema, customerProfileSchema } from '../../core/conversation/conversation.ts';
import { langField } from './common.ts';

export const pastConversationSchema = z
  .object({
    conversationId: z.string(),
    createdAt: z.string(),
    status: conversationStatusSchema,
    channel: z.string(),
    lang: langField.nullable(),
    ticketId: z.string().nullable().openapi({ description: 'Its latest ticket, when it reached people.' }),
    resolution: z.string().nullable(),
    rating: z.number().int().nullable().openapi({ description: "The customer's rating, 1-5." }),
  })
  .openapi('PastConversation');

export const ticketContextSchema = z
  .object({
    ticketId: z.string(),
    conversationId: z.string(),
    customer: customerProfileSchema.extend({
      verified: z.boolean().openapi({
        description:
          'True only when the host page signed the customer id (userHash, IDENTITY_SECRET); otherwise the profile is what the page claimed.',
      }),
    }),
    lang: langField,
    channel: z.string(),
    page: z.string().nullable().openapi({ description: 'The page the customer was on, as the widget last said.' }),
    previous: z.array(pastConversationSchema).readonly().openapi({
      description:
        'Earlier conversations of the same customer (same id or e-mail, verified alike), newest first, at most 20.',
    }),
  })
  .openapi('TicketContext');
