// What the Firstline API takes and returns, as the browser code sees it: types inferred from the server's zod
// schemas. Type-only imports, erased by the bundler: neither zod nor server code reaches the browser. Runtime: browser.
import type { z } from 'zod';
import type {
  agentResultSchema,
  agentSchema,
  agentStatusSchema,
  newTokenSchema,
  presenceBody,
  presenceResultSchema,
  teamSchema,
} from '../../http/schemas/agents.ts';
import type { errorSchema } from '../../http/schemas/common.ts';
import type {
  conversationSchema,
  createConversationBody,
  createdConversationSchema,
  messageResultSchema,
  pageRecordedSchema,
  ratingBody,
  ratingRecordedSchema,
} from '../../http/schemas/conversations.ts';
import type { evalRunListSchema, evalRunSchema } from '../../http/schemas/evals.ts';
import type {
  agentMessageSchema,
  citationSchema,
  clarifyOptionSchema,
  confidenceSchema,
  messageSchema,
} from '../../http/schemas/messages.ts';
import type {
  createMacroBody,
  macroListSchema,
  macroResultSchema,
  macroSchema,
  updateMacroBody,
} from '../../http/schemas/macros.ts';
import type { kpiSeriesSchema, kpisSchema } from '../../http/schemas/metrics.ts';
import type {
  assignBody,
  closeTicketsBody,
  ticketQuery,
  closeTicketsResultSchema,
  noteResultSchema,
  resolveBody,
  sentMessageSchema,
  suggestionResultSchema,
  textBody,
  ticketDetailsSchema,
  ticketListSchema,
  ticketNoteSchema,
  ticketResultSchema,
  ticketSchema,
  transferBody,
  agentMessageBody,
} from '../../http/schemas/tickets.ts';
import type { pastConversationSchema, ticketContextSchema } from '../../http/schemas/ticket-context.ts';
import type { attachmentSchema, uploadedAttachmentSchema } from '../../http/schemas/attachments.ts';

export type {
  AgentFeedEvent,
  CustomerFeedEvent,
  FeedAgentMessage,
  FeedAgentTyping,
  FeedCustomerTyping,
  FeedStatus,
  ReplyToken,
} from '../../http/schemas/feed-events.ts';

export type ErrorBody = z.infer<typeof errorSchema>;
/** An error body as it may arrive: from the API always complete, from a proxy perhaps not at all. */
export type ErrorPayload = { readonly error?: Partial<ErrorBody['error']> };

// Customer API
export type CreateConversation = z.input<typeof createConversationBody>;
export type ConversationCreated = z.infer<typeof createdConversationSchema>;
export type Conversation = z.infer<typeof conversationSchema>;
export type QueueStanding = NonNullable<Conversation['queue']>;
export type Message = z.infer<typeof messageSchema>;
export type Citation = z.infer<typeof citationSchema>;
export type ClarifyOption = z.infer<typeof clarifyOptionSchema>;
export type Confidence = z.infer<typeof confidenceSchema>;
export type MessageResult = z.infer<typeof messageResultSchema>;
export type BotReply = NonNullable<MessageResult['reply']>;
export type Rating = z.input<typeof ratingBody>;
export type RatingRecorded = z.infer<typeof ratingRecordedSchema>;
export type ConversationPageRecorded = z.infer<typeof pageRecordedSchema>;

// Agent API
export type Agent = z.infer<typeof agentSchema>;
export type AgentResult = z.infer<typeof agentResultSchema>;
export type AgentStatus = z.infer<typeof agentStatusSchema>;
export type Team = z.infer<typeof teamSchema>;
export type NewToken = z.infer<typeof newTokenSchema>;
export type PresenceBody = z.input<typeof presenceBody>;
export type PresenceResult = z.infer<typeof presenceResultSchema>;
export type TicketQuery = z.input<typeof ticketQuery>;
export type AssignBody = z.input<typeof assignBody>;
export type Ticket = z.infer<typeof ticketSchema>;
export type TicketList = z.infer<typeof ticketListSchema>;
export type TicketDetails = z.infer<typeof ticketDetailsSchema>;
export type TicketContext = z.infer<typeof ticketContextSchema>;
export type PastConversation = z.infer<typeof pastConversationSchema>;
export type TicketResult = z.infer<typeof ticketResultSchema>;
export type AgentMessage = z.infer<typeof agentMessageSchema>;
export type TicketNote = z.infer<typeof ticketNoteSchema>;
export type SuggestionResult = z.infer<typeof suggestionResultSchema>;
export type SentMessage = z.infer<typeof sentMessageSchema>;
export type NoteResult = z.infer<typeof noteResultSchema>;
export type TextBody = z.input<typeof textBody>;
export type TransferBody = z.input<typeof transferBody>;
export type ResolveBody = z.input<typeof resolveBody>;
export type CloseTicketsBody = z.input<typeof closeTicketsBody>;
export type ClosedTickets = z.infer<typeof closeTicketsResultSchema>;

// Lead API
export type Kpis = z.infer<typeof kpisSchema>;
export type KpiSeries = z.infer<typeof kpiSeriesSchema>;
export type EvalRun = z.infer<typeof evalRunSchema>;
export type EvalRunList = z.infer<typeof evalRunListSchema>;

// Macros (canned responses)
export type Macro = z.infer<typeof macroSchema>;
export type MacroList = z.infer<typeof macroListSchema>;
export type MacroResult = z.infer<typeof macroResultSchema>;
export type CreateMacroBody = z.input<typeof createMacroBody>;
export type UpdateMacroBody = z.input<typeof updateMacroBody>;

// Files sent with messages
export type Attachment = z.infer<typeof attachmentSchema>;
export type UploadedAttachment = z.infer<typeof uploadedAttachmentSchema>;
export type AgentMessageBody = z.input<typeof agentMessageBody>;
