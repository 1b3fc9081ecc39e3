// The agent API's bodies: tickets with their summary, the ticket view with transcript and notes, notes, sent
// messages and suggested replies; and the queue filter and action bodies. Runtime: any.
import { z } from '@hono/zod-openapi';
import { customerProfileSchema } from '../../core/conversation/conversation.ts';
import { intakeKindSchema } from '../../core/intake/intake-kinds.ts';
import { langField } from './common.ts';
import { agentMessageSchema, citationSchema, messageSchema } from './messages.ts';
import { attachmentIdsField, requireTextOrFiles } from './attachments.ts';

const ticketStatus = z.enum(['waiting', 'assigned', 'transferred', 'resolved', 'released']);
const texts = z.array(z.string()).readonly();

export const ticketQuery = z.object({
  status: ticketStatus.optional(),
  group: z.string().optional(),
  lang: z.enum(['ru', 'en']).optional(),
  flood: z
    .string()
    .regex(/^(true|[\w-]{1,100})$/, 'use true, or the id of the ticket a flood was grouped with')
    .optional()
    .openapi({
      description:
        '`true`: only tickets grouped as a flood (one source opening many); a ticket id: that ticket and those grouped with it.',
    }),
  assignee: z
    .string()
    .regex(/^(me|none|[\w-]{1,100})$/, 'use me, none, or an agent id')
    .optional()
    .openapi({ description: "`me`: the signed-in agent's tickets; `none`: unassigned ones; or an agent id." }),
  reason: z.enum(['human_request', 'emotion', 'low_confidence', 'sensitive', 'loop', 'error']).optional(),
  q: z.string().trim().min(1, 'q must not be empty').max(200).optional().openapi({
    description:
      "Search: a ticket or conversation id, the customer's name, e-mail or id, or words from the conversation (each word must match). Without `status`, tickets of every status match, most recently updated first.",
  }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(500)
    .optional()
    .openapi({ description: 'At most this many; 100 by default for closed tickets and searches.' }),
});

export const assignBody = z.strictObject({ agentId: z.string().trim().min(1).max(100) });
export const textBody = z.strictObject({
  text: z
    .string()
    .transform((text) => text.trim())
    .pipe(z.string().min(1, 'text must not be empty').max(10_000)),
});
/** An agent's message to the customer: text, files uploaded to the ticket, or both. */
export const agentMessageBody = z
  .strictObject({
    text: z
      .string()
      .transform((text) => text.trim())
      .pipe(z.string().max(10_000)),
    attachmentIds: attachmentIdsField,
  })
  .superRefine(requireTextOrFiles)
  .openapi('AgentMessageBody');
export const transferBody = z.strictObject({ group: z.string().trim().min(1).max(100) });
export const resolveBody = z.strictObject({ resolution: z.string().trim().min(1).max(100) });
export const closeTicketsBody = z.strictObject({
  ticketIds: z.array(z.string().min(1).max(100)).min(1).max(500),
  resolution: z.string().trim().min(1).max(100).default('flood'),
});
export const closeTicketsResultSchema = z
  .object({
    closed: z.array(z.string()).readonly(),
    skipped: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })).readonly(),
  })
  .openapi('ClosedTickets');

export const ticketSummarySchema = z
  .object({
    problem: z.string().openapi({ description: "The customer's problem in their own words." }),
    botSaid: texts,
    citedArticles: texts,
    customerAnswered: texts,
    mood: z.object({ label: z.string(), intensity: z.number() }),
    openQuestions: texts,
    source: z.string().openapi({ description: '`extractive` or `llm`.' }),
  })
  .openapi('TicketSummary');

export const ticketSchema = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    status: ticketStatus,
    group: z.string(),
    priority: z.enum(['urgent', 'high', 'normal', 'low']),
    priorityScore: z.number(),
    reasons: z.array(z.enum(['human_request', 'emotion', 'low_confidence', 'sensitive', 'loop', 'error'])).readonly(),
    signals: z.record(z.string(), z.unknown()).openapi({
      description: 'What led to the handoff: emotion, a request for a person, sensitive topics, a loop, confidence.',
    }),
    summary: ticketSummarySchema,
    lang: langField,
    customer: customerProfileSchema,
    assigneeId: z.string().nullable(),
    assigneeName: z.string().nullable().openapi({ description: 'Who has claimed it, by name.' }),
    slaDueAt: z.string(),
    createdAt: z.string(),
    claimedAt: z.string().nullable(),
    firstResponseAt: z.string().nullable(),
    resolvedAt: z.string().nullable(),
    resolution: z.string().nullable(),
    updatedAt: z.string(),
    groupedWith: z.string().nullable().openapi({
      description:
        'The ticket this one was grouped with because its source (address or customer) flooded the queue: it waits at the back; `signals.flood` says why.',
    }),
    intake: z
      .object({
        requested: z.array(intakeKindSchema).readonly(),
        values: z.partialRecord(intakeKindSchema, z.string()),
      })
      .nullable()
      .openapi({
        description:
          "What the first line collected for the specialist: the kinds the cited articles' `collect:` asked for, and what the customer sent (checked: a 9-digit account number, a phone number, an e-mail…).",
      }),
    waitingSeconds: z.number().openapi({ description: 'Seconds since the ticket was opened (until it was resolved).' }),
    overdue: z.boolean().openapi({ description: 'Past its SLA deadline without a first human response.' }),
  })
  .openapi('Ticket');

export const noteSchema = z
  .object({ id: z.string(), ticketId: z.string(), agentId: z.string(), text: z.string(), at: z.string() })
  .openapi('Note');

export const ticketNoteSchema = noteSchema.extend({ agentName: z.string().nullable() }).openapi('TicketNote');

export const suggestionSchema = z
  .object({ text: z.string(), citations: z.array(citationSchema).readonly(), confidence: z.number() })
  .openapi('Suggestion');

export const ticketListSchema = z.object({ tickets: z.array(ticketSchema) }).openapi('TicketList');

export const ticketResultSchema = z.object({ ticket: ticketSchema }).openapi('TicketResult');

export const ticketDetailsSchema = z
  .object({ ticket: ticketSchema, transcript: z.array(agentMessageSchema), notes: z.array(ticketNoteSchema) })
  .openapi('TicketDetails');

export const suggestionResultSchema = z
  // A union rather than `.nullable()`, which would mark the Suggestion component itself as nullable.
  .object({
    suggestion: z
      .union([suggestionSchema, z.null()])
      .openapi({ description: 'Null when nothing in the knowledge base supports a reply.' }),
  })
  .openapi('SuggestionResult');

export const sentMessageSchema = z.object({ message: messageSchema }).openapi('SentMessage');

export const noteResultSchema = z.object({ note: noteSchema }).openapi('NoteResult');
