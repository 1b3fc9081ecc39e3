// Customer-side use cases: open a conversation, post a message (idempotently) and get the bot's reply,
// read the conversation. The customer's message is committed before the reply is generated. Runtime: any.
import { AppError } from '../errors.ts';
import type { Logger } from '../ports/logger.ts';
import type { ReplyGenerator } from '../ports/reply-generator.ts';
import type { ConversationStore } from '../ports/conversation-store.ts';
import type { FloodControl, NewTicket, TicketStore } from '../ports/ticket-store.ts';
import { NEUTRAL, newTicket } from '../queue/open-ticket.ts';
import { groupFlood } from '../queue/flood.ts';
import { retriage, retriageNotice } from '../queue/retriage.ts';
import { continueIntake, intakeNotice, intakeRequest, startIntake } from '../intake/ticket-intake.ts';
import { assessMessage, type HandoffThresholds } from '../handoff/handoff-policy.ts';
import { slaDeadline } from '../queue/priority.ts';
import { queueNotice, queueStanding, withQueueNotice, type QueueStanding } from '../reply/customer-texts.ts';
import type { Summarizer } from '../ports/summarizer.ts';
import type { QueueSettings } from '../queue/queue-settings.ts';
import type { Reply } from '../ports/reply-generator.ts';
import type { Lang } from '../text/lang.ts';
import type { Conversation, ConversationStatus, CustomerClaim, Message } from '../conversation/conversation.ts';
import { resolveIdentity, type IdentitySettings } from '../conversation/identity.ts';
import { KeyedQueue } from '../util/keyed-queue.ts';
import { conversationLang, filesOnlyReply } from '../attachments/files-only-reply.ts';
import { ExpiringCache } from '../util/expiring-cache.ts';
import { digestsEqual, hashToken, newToken } from '../conversation/tokens.ts';

/** How long a valid customer token stays in memory after it was last checked against the database. */
const TOKEN_MEMORY_MS = 10 * 60_000;

/** A waiting customer is told their message reached the request at most this often, unless it became more urgent. */
const NOTICE_EVERY_MS = 10 * 60_000;

/** Messages of history the reply pipeline sees: enough for follow-ups, greetings and loops. */
export const HISTORY_LIMIT = 20;

export interface ConversationServiceDependencies {
  readonly store: ConversationStore;
  readonly tickets: TicketStore;
  readonly queue: QueueSettings;
  /** Writes the agent's summary of a handoff; extractive unless an LLM is configured. */
  readonly summarizer?: Summarizer | undefined;
  readonly replies: ReplyGenerator;
  readonly now: () => Date;
  readonly newId: () => string;
  readonly logger: Logger;
  /** Emotion thresholds for re-triaging a waiting customer's messages (the reply pipeline's own). */
  readonly handoffThresholds?: HandoffThresholds | undefined;
  /** SHA-256 hex of a bearer token; Web Crypto unless the runtime offers something cheaper. */
  readonly hashToken?: ((token: string) => string | Promise<string>) | undefined;
  /** How a customer's claimed identity is verified (IDENTITY_SECRET); without it no profile is verified. */
  readonly identity?: IdentitySettings | undefined;
}

/** What a customer sends: text (empty only when files come with it), and the files uploaded for it. */
export interface MessageInput {
  readonly text: string;
  readonly clientMessageId?: string | undefined;
  readonly optionId?: string | undefined;
  /** Files uploaded to this conversation (`AttachmentService.upload`); the bot reads only the text. */
  readonly attachmentIds?: readonly string[] | undefined;
}

/** A customer message that was committed, and what the store said about it. */
export interface AcceptedMessage {
  readonly conversation: Conversation;
  readonly message: Message;
  /** The same `clientMessageId` and text came before: the stored message. */
  readonly duplicate: boolean;
  readonly status: ConversationStatus;
  readonly first: boolean;
  /** The option of the clarifying question right before that the customer picked (a quick-reply button). */
  readonly optionId?: string | undefined;
}

export interface PostResult {
  readonly message: Message;
  /** Null when the bot must stay silent (a person owns the conversation) or its reply was dropped. */
  readonly reply: Message | null;
  /** While the customer waits for a person: the brief `system` acknowledgement that their words reached the ticket. */
  readonly notice?: Message | null | undefined;
}

export class ConversationService {
  constructor(private readonly deps: ConversationServiceDependencies) {}

  /** `id` is for callers that need reproducible conversations (evals); the API always lets the service choose. */
  async create(input: {
    lang?: Lang | undefined;
    /** What the host page claims about the customer, with its `userHash` when the site signs ids. */
    customer?: (CustomerClaim & { readonly userHash?: string | undefined }) | undefined;
    channel?: string | undefined;
    /** The page the customer is on. */
    page?: string | undefined;
    id?: string | undefined;
    /** The client's address: kept only as a key derived from it, which flood control counts tickets under. */
    address?: string | undefined;
  }): Promise<{ conversation: Conversation; token: string }> {
    // Refused (required verification, no valid hash) before anything is stored.
    const customer = await resolveIdentity(input.customer ?? {}, this.deps.identity ?? { mode: 'off' });
    const token = newToken();
    // The customer's first message follows at once: remember the hash now rather than compute it again then.
    const tokenHash = await this.hashOf(token);
    const conversation = await this.deps.store.createConversation({
      id: input.id ?? this.deps.newId(),
      tokenHash,
      lang: input.lang ?? null,
      customer,
      channel: input.channel ?? 'api',
      page: input.page ?? null,
      at: this.deps.now().toISOString(),
      source: input.address === undefined ? null : await this.sourceKeyOf(input.address),
    });
    return { conversation, token };
  }

  /** The customer is on another page now: agents see where they are. */
  async updatePage(conversation: Conversation, page: string): Promise<void> {
    await this.deps.store.setPage(conversation.id, page);
  }

  /** A key for a client address: a SHA-256 prefix, so the address itself is not stored (a pseudonym, not anonymous). */
  private async sourceKeyOf(address: string): Promise<string> {
    return (await (this.deps.hashToken ?? hashToken)(`source:${address}`)).slice(0, 32);
  }

  /** How a handoff's ticket is grouped when its source floods the queue; undefined without a limit. */
  private floodControl(now: Date): FloodControl | undefined {
    const limit = this.deps.queue.handoffsPerSourcePerHour;
    if (limit === undefined) return undefined;
    return {
      handoffsPerSource: limit,
      since: new Date(now.getTime() - 3_600_000).toISOString(),
      lowSlaDueAt: slaDeadline(now, 'low', this.deps.queue.sla).toISOString(),
    };
  }

  /** The conversation, if the token is its own: 404 when it does not exist, 403 for another conversation's token. */
  async authorize(id: string, token: string): Promise<Conversation> {
    const conversation = await this.deps.store.getConversation(id);
    if (conversation === undefined) throw new AppError('not_found:conversation', `conversation ${id} does not exist`);
    const hash = await this.hashOf(token, false);
    if (!digestsEqual(conversation.tokenHash, hash)) {
      throw new AppError('forbidden:conversation', 'this token does not grant access to this conversation');
    }
    // Only tokens that opened their conversation are remembered: a stream of wrong tokens costs no memory.
    this.hashes.set(token, hash);
    const { tokenHash: _tokenHash, ...visible } = conversation;
    return visible;
  }

  /**
   * Commits the customer's message, then generates and commits the reply. A repeated `clientMessageId`
   * returns the first result (generating the reply only if the first attempt died before storing it);
   * the same id with different text is a conflict.
   */
  async post(
    conversation: Conversation,
    input: MessageInput,
    onToken?: (token: string) => void,
    requestId?: string,
  ): Promise<PostResult> {
    return this.answer(await this.accept(conversation, input), onToken, requestId);
  }

  /**
   * Commits the customer's message (the first step of `post`): a repeated `clientMessageId` with the same text
   * is the stored message again, with different text a conflict. A streaming client learns of a conflict here,
   * before its stream opens.
   */
  async accept(conversation: Conversation, input: MessageInput): Promise<AcceptedMessage> {
    const { message, duplicate, status, first } = await this.deps.store.addCustomerMessage({
      id: this.deps.newId(),
      conversationId: conversation.id,
      text: input.text,
      at: this.deps.now().toISOString(),
      clientMessageId: input.clientMessageId,
      attachmentIds: input.attachmentIds,
    });
    if (duplicate && message.text !== input.text) {
      throw new AppError(
        'conflict:client_message_id',
        `clientMessageId ${input.clientMessageId ?? ''} was already used for a different text`,
      );
    }
    return { conversation, message, duplicate, status, first, optionId: input.optionId };
  }

  /** Generates and commits the reply to an accepted message (the second step of `post`). */
  async answer(accepted: AcceptedMessage, onToken?: (token: string) => void, requestId?: string): Promise<PostResult> {
    const { store } = this.deps;
    const { conversation, message, duplicate, status, first } = accepted;
    if (duplicate) {
      const existing = await store.findReply(message.id);
      if (existing !== undefined) {
        onToken?.(existing.text);
        return { message, reply: existing };
      }
    }
    if (status !== 'bot') return { message, reply: null, notice: await this.retriageWaiting(conversation, message) };
    // One message at a time per conversation through the pipeline: a later message waits for the reply to the
    // one before it (and sees it in its history), so a burst to one conversation cannot occupy every worker.
    const waited = this.turns.has(conversation.id);
    return this.turns.run(conversation.id, () =>
      this.reply(
        { conversation, message, status, first, waited, optionId: accepted.optionId },
        message.text,
        onToken,
        requestId,
      ),
    );
  }

  /** Conversations with a reply being written, and the messages waiting behind it. */
  private readonly turns = new KeyedQueue();

  private async reply(
    posted: {
      conversation: Conversation;
      message: Message;
      status: ConversationStatus;
      first: boolean;
      waited: boolean;
      optionId?: string | undefined;
    },
    customerText: string,
    onToken: ((token: string) => void) | undefined,
    requestId: string | undefined,
  ): Promise<PostResult> {
    const { store } = this.deps;
    const { conversation, message, first } = posted;
    // After waiting, the reply before may have handed the conversation to a person.
    const status = posted.waited
      ? ((await store.getConversation(conversation.id))?.status ?? posted.status)
      : posted.status;
    if (status !== 'bot') return { message, reply: null, notice: await this.retriageWaiting(conversation, message) };
    const input = { text: customerText };
    const current: Conversation = { ...conversation, status };
    // A conversation's first message has no history to read; later messages already stored are not its past.
    const recent = first ? [] : await store.recentMessages(conversation.id, HISTORY_LIMIT + 1);
    const position = recent.findIndex((entry) => entry.id === message.id);
    const history = (
      position >= 0 ? recent.slice(0, position) : recent.filter((entry) => entry.id !== message.id)
    ).slice(-HISTORY_LIMIT);
    // Files alone: the bot cannot read them, so it asks for words instead of searching for nothing.
    const reply: Reply =
      customerText.trim() === ''
        ? filesOnlyReply(conversationLang(current.lang, history), onToken)
        : await this.deps.replies.reply({
            conversation: current,
            history,
            text: input.text,
            optionId: posted.optionId,
            onToken,
            requestId,
          });
    if (reply.error !== undefined) {
      this.deps.logger.error(
        { conversationId: conversation.id, messageId: message.id, err: reply.error },
        'reply pipeline failed; handing off',
      );
    }
    const now = this.deps.now();
    let text = reply.text;
    let ticket: NewTicket | undefined;
    const transcript = [...history, message];
    const floodControl = reply.meta.action === 'handoff' ? this.floodControl(now) : undefined;
    if (reply.meta.action === 'handoff') {
      // The customer is told at once; the extractive summary goes with the ticket and a model's follows when it is written.
      ticket = newTicket({
        id: this.deps.newId(),
        conversation: current,
        transcript,
        reply,
        now,
        settings: this.deps.queue,
      });
      // Grouped now for the notice's queue position; the store decides again inside the write that opens the ticket.
      if (floodControl !== undefined)
        ticket = groupFlood(
          ticket,
          await this.deps.tickets.sourceTicketsOf(conversation.id, floodControl.since),
          floodControl,
        );
      // Intake: what the articles behind the handoff say a person will need, less what the customer already gave.
      const intake = startIntake({
        requested: reply.meta.collect ?? [],
        customer: current.customer,
        customerTexts: transcript.filter((entry) => entry.role === 'customer').map((entry) => entry.text),
      });
      ticket = { ...ticket, intake };
      const position = await this.deps.tickets.queuePosition(ticket.group, ticket.priorityScore);
      // Someone at risk is not asked for paperwork: the reply tells them what to do now.
      const request = ticket.priority === 'urgent' ? '' : intakeRequest(intake, reply.meta.lang);
      text = withQueueNotice(
        text,
        queueNotice({ lang: reply.meta.lang, position, now, settings: this.deps.queue, seed: history.length }),
      );
      if (request !== '') text = withQueueNotice(text, request);
    }
    const outcome = await store.addBotReply({
      id: this.deps.newId(),
      conversationId: conversation.id,
      replyTo: message.id,
      text,
      at: now.toISOString(),
      reply: reply.meta,
      ticket,
      floodControl,
      sla: this.deps.queue.sla,
    });
    if (ticket !== undefined && outcome.delivered) this.summarizeLater(ticket.id, transcript, reply, requestId);
    return { message, reply: outcome.delivered ? outcome.message : null };
  }

  /**
   * A customer waiting for (or talking to) a person wrote again: their message is read by the detectors, and the
   * ticket gains reasons, priority and a shorter SLA when warranted (never less), and the summary keeps what they
   * said. A customer still waiting is told it reached the request, at most once per 10 minutes unless it became
   * more urgent. A failure here is logged: the message is stored and agents see it either way.
   */
  private async retriageWaiting(conversation: Conversation, message: Message): Promise<Message | null> {
    try {
      const ticket = await this.deps.tickets.openTicketOf(conversation.id);
      if (ticket === undefined) return null;
      const recent = await this.deps.store.recentMessages(conversation.id, HISTORY_LIMIT + 1);
      const history = recent.filter((entry) => entry.id !== message.id);
      const assessment = assessMessage(history, message.text, this.deps.handoffThresholds);
      const now = this.deps.now();
      const result = retriage({ ticket, assessment, text: message.text, now, settings: this.deps.queue });
      const lastNotice = history.filter((entry) => entry.role === 'system').at(-1);
      const quiet = lastNotice === undefined || now.getTime() - Date.parse(lastNotice.at) >= NOTICE_EVERY_MS;
      const waiting = ticket.status === 'waiting' || ticket.status === 'transferred';
      const escalated = result.raised && (result.triage.priority === 'urgent' || result.triage.priority === 'high');
      // An item the specialist will need (or a mistyped one) is acknowledged whenever it comes, while they wait.
      const intake = ticket.intake === null ? undefined : continueIntake(ticket.intake, message.text);
      const intakeText = waiting && intake !== undefined ? intakeNotice(intake, ticket.lang) : null;
      const notify = waiting && (quiet || result.added.length > 0 || result.raised || intakeText !== null);
      const noticeText = [
        ...(result.added.length > 0 || result.raised || intakeText === null
          ? [retriageNotice(ticket.lang, escalated)]
          : []),
        ...(intakeText === null ? [] : [intakeText]),
      ].join(' ');
      const outcome = await this.deps.tickets.retriageTicket({
        ticketId: ticket.id,
        triage: result.triage,
        added: result.added,
        raised: result.raised,
        intake: intake !== undefined && intake.added.length > 0 ? intake.intake : undefined,
        notice: notify ? { messageId: this.deps.newId(), text: noticeText } : undefined,
        at: now.toISOString(),
      });
      return outcome?.notice ?? null;
    } catch (error) {
      this.deps.logger.warn(
        { conversationId: conversation.id, messageId: message.id, err: error },
        "a waiting customer's message could not be re-triaged; agents see it as it is",
      );
      return null;
    }
  }

  private readonly summaries = new Set<Promise<void>>();

  /** Writes the model's summary of a handoff after the customer has the reply, and attaches it to the ticket. */
  private summarizeLater(
    ticketId: string,
    transcript: readonly Message[],
    reply: Reply,
    requestId: string | undefined,
  ): void {
    const summarizer = this.deps.summarizer;
    if (summarizer === undefined) return;
    const task = (async () => {
      const summary = await summarizer.summarize(
        transcript,
        reply.signals?.emotion ?? NEUTRAL,
        reply.meta.lang,
        requestId,
      );
      if (summary.source === 'extractive') return;
      await this.deps.tickets.updateSummary(ticketId, summary, this.deps.now().toISOString());
    })()
      .catch((error: unknown) =>
        this.deps.logger.warn(
          { conversationId: transcript[0]?.conversationId, requestId, ticketId, err: error },
          'the model summary could not be attached; the extractive summary stays',
        ),
      )
      .finally(() => this.summaries.delete(task));
    this.summaries.add(task);
  }

  /** Resolves when every summary being written has been attached (or given up): for shutdown, evals and tests. */
  async settled(): Promise<void> {
    while (this.summaries.size > 0) await Promise.all([...this.summaries]);
  }

  /** Valid tokens' hashes: a token is a secret, so it is kept in memory for ten minutes at most. */
  private readonly hashes = new ExpiringCache<string, string>(10_000, TOKEN_MEMORY_MS, () => this.deps.now().getTime());

  /** SHA-256 of a token, remembered for a while once it proved valid (a customer sends many messages). */
  private async hashOf(token: string, remember = true): Promise<string> {
    const known = this.hashes.get(token);
    if (known !== undefined) return known;
    const hash = await (this.deps.hashToken ?? hashToken)(token);
    if (remember) this.hashes.set(token, hash);
    return hash;
  }

  /** Tokens whose hashes are remembered (for tests and memory accounting). */
  get rememberedTokens(): number {
    return this.hashes.size;
  }

  /** The conversation, its messages, and where it stands in the queue while it waits for a person. */
  async read(
    conversation: Conversation,
  ): Promise<{ conversation: Conversation; messages: Message[]; queue: QueueStanding | null }> {
    const fresh = await this.deps.store.getConversation(conversation.id);
    const { tokenHash: _tokenHash, ...visible } = fresh ?? { ...conversation, tokenHash: '' };
    return {
      conversation: visible,
      messages: await this.deps.store.listMessages(conversation.id),
      queue: await this.standing(visible),
    };
  }

  private async standing(conversation: Conversation): Promise<QueueStanding | null> {
    if (conversation.status !== 'waiting' && conversation.status !== 'transferred') return null;
    const ticket = await this.deps.tickets.openTicketOf(conversation.id);
    if (ticket === undefined) return null;
    return queueStanding(await this.deps.tickets.positionOf(ticket), this.deps.now(), this.deps.queue);
  }
}
