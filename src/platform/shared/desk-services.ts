// Wires the use cases from configuration, a store and a knowledge index: the one place the reply pipeline,
// the conversation service and the agent service are built, for every platform (Node's server and tests, the
// Worker's desk object). What differs by runtime is handed in: token hashing, where files are kept, how often the
// feeds look for other processes' writes. Runtime: any.
import type { AttachmentStore } from '../../core/ports/attachment-store.ts';
import type { KnowledgeIndex } from '../../core/retrieval/knowledge-index.ts';
import type { HybridRetriever } from '../../core/retrieval/hybrid-retriever.ts';
import { AttachmentService } from '../../core/use-cases/attachments.ts';
import type { SqlConversationStore } from '../../adapters/store/sql-conversation-store.ts';
import { EventHub } from '../../core/desk/event-hub.ts';
import { TypingSignals } from '../../core/desk/typing-signals.ts';
import { RateLimiter } from '../../core/limits/rate-limiter.ts';
import { SupportMetrics } from '../../core/use-cases/support-metrics.ts';
import { SupportReports } from '../../core/use-cases/support-reports.ts';
import { identitySettings, queueSettings, type Config } from '../../core/config/config.ts';
import { ConversationService } from '../../core/use-cases/customer-conversation.ts';
import type { Logger } from '../../core/ports/logger.ts';
import type { ReplyGenerator } from '../../core/ports/reply-generator.ts';
import type { Summarizer } from '../../core/ports/summarizer.ts';
import type { TicketStore } from '../../core/ports/ticket-store.ts';
import { uuid7Generator } from '../../core/util/uuid7.ts';
import { AgentService } from '../../core/use-cases/agent-desk.ts';
import { AutoAssignment } from '../../core/use-cases/auto-assignment.ts';
import { WebhookNotifier } from '../../adapters/http/webhook-notifier.ts';
import { DEFAULT_CONFIDENCE_WEIGHTS } from '../../core/reply/confidence.ts';
import { ReplyPipeline } from '../../core/reply/reply-pipeline.ts';
import type { AnswerComposer } from '../../core/ports/answer-composer.ts';
import type { SearchAssist } from '../../core/retrieval/search-assist.ts';

/** What the pipeline searches: an index generation and its retriever. */
export interface PipelineKnowledge {
  readonly stored: { readonly index: KnowledgeIndex };
  readonly retriever: HybridRetriever;
}

/** The in-process reply pipeline for this configuration and index (the worker threads build the same one). */
export function createReplyPipeline(
  config: Config,
  knowledge: PipelineKnowledge,
  logger: Logger,
  composer?: AnswerComposer,
  search?: SearchAssist,
): ReplyPipeline {
  return new ReplyPipeline({
    index: knowledge.stored.index,
    retriever: knowledge.retriever,
    weights: config.CONFIDENCE_WEIGHTS ?? DEFAULT_CONFIDENCE_WEIGHTS,
    thresholds: {
      answer: config.ANSWER_THRESHOLD,
      handoff: config.HANDOFF_THRESHOLD,
      clarifyMargin: config.CLARIFY_MARGIN,
    },
    minGroundedness: config.MIN_GROUNDEDNESS,
    composer,
    search:
      search === undefined
        ? undefined
        : { assist: search, rewrite: config.SEARCH_REWRITE === 'on', rerank: config.SEARCH_RERANK },
    logger,
    handoffThresholds: { emotion: config.EMOTION_HANDOFF_THRESHOLD, empathy: 0.2 },
  });
}

export interface DeskServiceOptions {
  readonly config: Config;
  readonly store: SqlConversationStore;
  /** Needed only when no `pipeline` is given. */
  readonly knowledge?: PipelineKnowledge | undefined;
  /** Where the files sent with messages are kept (a directory on Node, R2 on Workers); without it, no attachments. */
  readonly attachmentStore?: AttachmentStore | undefined;
  /** How customers' tokens are hashed; the core's Web Crypto digest when not given. */
  readonly hashToken?: ((token: string) => string | Promise<string>) | undefined;
  /** How often the live feeds look for writes of other processes; 0 where this process is the only writer. */
  readonly pollMs?: number | undefined;
  readonly logger: Logger;
  readonly composer?: AnswerComposer | undefined;
  /** The model's help with retrieval, when a model is configured. */
  readonly search?: SearchAssist | undefined;
  readonly summarizer?: Summarizer | undefined;
  readonly now?: (() => Date) | undefined;
  /** Built by the caller when it also needs it (the worker pool's fallback); otherwise built here. */
  readonly pipeline?: ReplyPipeline | undefined;
  /** Where customer replies come from; the pipeline itself unless worker threads serve them. */
  readonly replies?: ReplyGenerator | undefined;
  /** The ticket store the customer side sees; the store's own unless a caller narrows it (evals). */
  readonly tickets?: TicketStore | undefined;
}

export function buildDeskServices(options: DeskServiceOptions) {
  const { config, store, knowledge, logger } = options;
  const now = options.now ?? (() => new Date());
  // Time-ordered ids: new rows land at the end of the SQLite indexes.
  const newId = uuid7Generator();
  const pipeline =
    options.pipeline ??
    createReplyPipeline(config, requireKnowledge(knowledge), logger, options.composer, options.search);
  const replies = options.replies ?? pipeline;
  const conversations = new ConversationService({
    store,
    tickets: options.tickets ?? store.tickets,
    queue: queueSettings(config),
    summarizer: options.summarizer,
    replies,
    now,
    newId,
    logger,
    hashToken: options.hashToken,
    handoffThresholds: { emotion: config.EMOTION_HANDOFF_THRESHOLD, empathy: 0.2 },
    identity: identitySettings(config),
  });
  // Events reach open feeds the moment this process commits them; the poll finds other processes' writes.
  const feed = new EventHub(store.tickets, store.committed, { pollMs: options.pollMs ?? config.EVENT_POLL_MS });
  const autoAssignment =
    config.AUTO_ASSIGN === 'round-robin'
      ? new AutoAssignment({ tickets: store.tickets, capacity: config.AGENT_CAPACITY, now, logger })
      : undefined;
  autoAssignment?.start(feed);
  // A specialist's answer to a customer who left the chat goes to the site's backend, which e-mails them.
  const notices =
    config.NOTIFY_WEBHOOK_URL === undefined
      ? undefined
      : {
          notifier: new WebhookNotifier(config.NOTIFY_WEBHOOK_URL),
          present: (conversationId: string) => feed.following(conversationId),
          onError: (error: unknown, context: { conversationId: string; ticketId: string }) =>
            logger.warn({ ...context, err: error }, 'the customer could not be notified of the reply'),
        };
  const agents = new AgentService({
    tickets: store.tickets,
    conversations: store,
    now,
    newId,
    replies,
    autoAssignment,
    notices,
  });
  const { attachmentStore } = options;
  const attachments =
    attachmentStore === undefined
      ? undefined
      : new AttachmentService({ store: attachmentStore, maxBytes: config.MAX_ATTACHMENT_BYTES, newId, now });
  const perMinute = (count: number) => ({ capacity: count, refillPerSecond: count / 60 });
  const perHour = (count: number) => ({ capacity: count, refillPerSecond: count / 3600 });
  const limits = {
    maxTextLength: config.MAX_TEXT_LENGTH,
    maxBodyBytes: config.MAX_BODY_BYTES,
    maxAttachmentBytes: config.MAX_ATTACHMENT_BYTES,
    messagesInFlightPerAddress: config.MESSAGES_IN_FLIGHT_PER_ADDRESS,
  };
  const clock = () => now().getTime();
  const rateLimits = {
    perConversation: new RateLimiter(perMinute(config.RATE_LIMIT_CONVERSATION_PER_MINUTE), clock),
    perAddress: new RateLimiter(perMinute(config.RATE_LIMIT_ADDRESS_PER_MINUTE), clock),
    failedAuth: new RateLimiter(perMinute(config.RATE_LIMIT_AUTH_FAILURES_PER_MINUTE), clock),
    assets: new RateLimiter(perMinute(config.RATE_LIMIT_ASSETS_PER_MINUTE), clock),
    newConversations: {
      perAddress: new RateLimiter(perHour(config.CONVERSATIONS_PER_ADDRESS_PER_HOUR), clock),
      perCustomer: new RateLimiter(perHour(config.CONVERSATIONS_PER_CUSTOMER_PER_HOUR), clock),
    },
  };
  const metrics = new SupportMetrics(store.tickets);
  const reports = new SupportReports(store.tickets);
  return {
    pipeline,
    conversations,
    agents,
    attachments,
    attachmentStore,
    limits,
    rateLimits,
    feed,
    // Who is typing: in this process (or object) only, a cosmetic signal; see docs/architecture.md.
    typing: new TypingSignals(),
    metrics,
    reports,
    autoAssignment,
  };
}

function requireKnowledge(knowledge: PipelineKnowledge | undefined): PipelineKnowledge {
  if (knowledge === undefined) throw new Error('buildDeskServices needs a knowledge index or a pipeline');
  return knowledge;
}
