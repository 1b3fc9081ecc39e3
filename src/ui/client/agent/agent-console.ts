// The agent console: sign in with a token kept for the browser, the live queue by priority and SLA (with a mark on
// the agent's tickets that have unread customer messages), and a ticket view with the summary card, the transcript,
// notes and every action the ticket still allows; the open ticket is in the address. Runtime: browser.
import { fill } from '../../i18n.ts';
import { ApiError, errorText } from '../api.ts';
import type { Agent, AgentFeedEvent, AgentStatus, FeedCustomerTyping, Ticket, TicketDetails } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { refuseSignIn, showSignInForm } from '../sign-in-form.ts';
import { followEvents } from '../sse.ts';
import { macroApi } from '../macro-api.ts';
import { ActionError } from './action-error.ts';
import { ContextSidebar } from './context-sidebar.ts';
import { deskApi, type TicketAction, type TicketActionBody } from './desk-api.ts';
import { FloodPanel } from './flood-panel.ts';
import { InboxViews } from './inbox-views.ts';
import { PresenceControl } from './presence-control.ts';
import { SignOutEverywhere } from './sign-out-everywhere.ts';
import { attachKeyboardShortcuts } from './keyboard-shortcuts.ts';
import { attachMacroPicker, macroContext } from './macro-picker.ts';
import { NewTicketAlert } from './new-ticket-alert.ts';
import { QueueList, tickCountdowns } from './queue-list.ts';
import { ticketActions } from './ticket-actions.ts';
import { showTicketInAddress, ticketIdFromPath } from './ticket-link.ts';
import { TicketPane, type ErrorPlace } from './ticket-pane.ts';
import { ReplyTypingReporter } from './typing-indicator.ts';
import { agentFileLoader, uploadReplyFiles } from './attachments.ts';

/** In local storage: one sign-in for every tab of the browser, until the agent signs out in any of them. */
export const TOKEN_KEY = 'firstline:agent-token';
const app = document.getElementById('app') ?? document.body;

const failed = (error: unknown) => fill(t.actionFailed, { message: errorText(error) });

export class AgentConsole {
  private token: string | undefined;
  private me: Agent | undefined;
  private tickets: readonly Ticket[] = [];
  private details: TicketDetails | undefined;
  private selectedId: string | undefined;
  /** A ticket named by the address (`/agent/tickets/{id}`), opened once signed in. */
  private linkedId = ticketIdFromPath(location.pathname);
  private feed: AbortController | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshSelected = false;
  private openSequence = 0;
  private queueSequence = 0;
  private acting = false;
  /** The agent's own tickets with customer messages not yet read. */
  private readonly unread = new Set<string>();
  /** Conversations whose customer wrote since the queue was last asked for: judged against the fresh queue. */
  private readonly wroteIn = new Set<string>();
  private readonly api = deskApi(() => this.token);
  private readonly queue = new QueueList((id) => void this.open(id));
  private readonly views = new InboxViews(() => void this.refreshQueue());
  private readonly presence = new PresenceControl((body) => this.api.presence(body));
  private readonly everywhere = new SignOutEverywhere(() => this.replaceToken());
  /** Whom a lead can assign to (loaded with each ticket a lead opens). */
  private team: readonly AgentStatus[] = [];
  private readonly context = new ContextSidebar((id) => this.api.context(id));
  private readonly pane = new TicketPane(
    {
      sendReply: () => void this.sendReply(),
      suggest: (id, status) => void this.suggest(id, status),
      addNote: (text) => this.act('notes', { text }),
      loadFile: agentFileLoader(() => this.token),
    },
    this.context.view,
  );
  private readonly queueError = new ActionError('queue-error');
  private readonly floodError = new ActionError('flood-error');
  private readonly alerts = new NewTicketAlert();
  private readonly flood = new FloodPanel((ids) => this.closeFlood(ids));
  private readonly macros = macroApi(() => this.token);
  private readonly replyTyping = new ReplyTypingReporter((id, typing) => this.api.typing(id, typing));

  constructor(token: string | undefined) {
    setInterval(tickCountdowns, 1000);
    attachKeyboardShortcuts();
    // The reply box only: a note being typed is never shown to the customer.
    this.pane.reply.addEventListener('input', () => this.replyTyping.input(this.replyingTo(), this.pane.reply.value));
    this.pane.reply.addEventListener('blur', () => this.replyTyping.stop());
    attachMacroPicker(this.pane.reply, {
      search: async (lang, query) => (await this.macros.list(lang, query)).macros,
      context: () => (this.details === undefined ? undefined : macroContext(this.details.ticket, this.me)),
    });
    const back = () => {
      if (document.hidden) return;
      this.alerts.clear();
      this.markRead(this.selectedId);
    };
    document.addEventListener('visibilitychange', back);
    window.addEventListener('focus', back);
    window.addEventListener('storage', (event) => this.tokenChanged(event));
    if (token === undefined) this.signInForm();
    else void this.start(token);
  }

  /** Another tab signed in or out: this one follows. */
  private tokenChanged(event: StorageEvent): void {
    if (event.storageArea !== localStorage || (event.key !== TOKEN_KEY && event.key !== null)) return;
    const token = localStorage.getItem(TOKEN_KEY) ?? undefined;
    if (token === this.token) return;
    this.signInForm();
    if (token !== undefined) void this.start(token);
  }

  private signInForm(message = ''): void {
    this.feed?.abort();
    this.feed = undefined;
    clearTimeout(this.refreshTimer);
    this.presence.stop();
    this.everywhere.hide();
    this.token = undefined;
    this.selectedId = undefined;
    this.details = undefined;
    this.unread.clear();
    this.alerts.unreadMessages(0);
    this.pane.close();
    this.context.clear();
    showSignInForm(app, {
      id: 'agent-token',
      title: app.dataset.title ?? '',
      message,
      onToken: (token, alert) => this.start(token, alert),
    });
  }

  private async start(token: string, alert?: HTMLElement): Promise<void> {
    this.token = token;
    try {
      this.me = (await this.api.me()).agent;
    } catch (error) {
      const showForm = (message: string) => this.signInForm(message);
      refuseSignIn(error, { tokenKey: TOKEN_KEY, alert, showForm, storage: localStorage });
      return;
    }
    if (this.token !== token) return;
    localStorage.setItem(TOKEN_KEY, token);
    this.layout();
    this.presence.start();
    // Follow first and load the queue once the feed is connected, so no ticket falls between the two.
    this.follow();
    const linked = this.linkedId ?? this.selectedId;
    this.linkedId = undefined;
    if (linked !== undefined) void this.open(linked);
  }

  private layout(): void {
    const me = this.me;
    const signOut = async () => {
      // Signing out says so first: no ticket is auto-assigned to an agent who left.
      await this.presence.signOut();
      localStorage.removeItem(TOKEN_KEY);
      this.signInForm();
    };
    const queueTitle = h('h2', { id: 'queue-title' }, `${t.queueTitle} `, this.queue.count);
    const queue = [
      queueTitle,
      this.views.view,
      this.queueError.view,
      this.flood.view,
      this.floodError.view,
      this.queue.list,
    ];
    app.replaceChildren(
      h(
        'div',
        { className: 'console-shell' },
        h(
          'header',
          { className: 'topbar' },
          h('h1', {}, app.dataset.title ?? ''),
          h('span', { className: 'me' }, me === undefined ? '' : `${me.name} (${me.role})`),
          this.presence.view,
          this.everywhere.button,
          h('button', { type: 'button', className: 'secondary', onclick: () => void signOut() }, t.signOut),
        ),
        this.everywhere.notice,
        h('div', { className: 'workspace' }, h('aside', { className: 'queue' }, queue), this.pane.view),
      ),
    );
    this.pane.showPlaceholder();
  }

  private follow(): void {
    this.feed?.abort();
    const controller = new AbortController();
    this.feed = controller;
    void followEvents({
      url: this.api.eventsUrl,
      token: this.token ?? '',
      signal: controller.signal,
      onOpen: () => void this.refreshQueue(),
      onDenied: () => this.signInForm(),
      onMessage: (message) => {
        if (message.event === 'typing') return this.customerTyping(JSON.parse(message.data) as FeedCustomerTyping);
        const data = JSON.parse(message.data) as AgentFeedEvent['data'];
        if (message.event === 'ticket-created') this.alerts.notify();
        if (message.event === 'message-received') this.wroteIn.add(data.conversationId);
        if (message.event === 'message-received' && data.conversationId === this.details?.ticket.conversationId)
          this.pane.customerTyping.hide();
        this.scheduleRefresh(data.ticketId, data.conversationId);
      },
    });
  }

  /**
   * Customers wrote: unread on the agent's own tickets, unless open before the agent's eyes. Judged on a queue loaded
   * after the messages, so a ticket claimed just before its customer wrote counts as the agent's.
   */
  private customersWrote(conversationIds: readonly string[]): void {
    const watching = !document.hidden && document.hasFocus();
    let fresh = false;
    for (const ticket of this.tickets) {
      if (!conversationIds.includes(ticket.conversationId) || ticket.status !== 'assigned' || !this.isMine(ticket))
        continue;
      if (ticket.id === this.selectedId && watching) continue;
      this.unread.add(ticket.id);
      fresh = true;
    }
    if (fresh) this.alerts.unreadMessages(this.unread.size, true);
  }

  private markRead(id: string | undefined): void {
    if (id === undefined || !this.unread.delete(id)) return;
    this.alerts.unreadMessages(this.unread.size);
    this.queue.render(this.tickets, this.selectedId, this.unread);
  }

  /** The open ticket's customer is typing (or stopped); their message hides it when it arrives. */
  private customerTyping(signal: FeedCustomerTyping): void {
    if (signal.conversationId === this.details?.ticket.conversationId) this.pane.customerTyping.update(signal);
  }

  /** The open ticket, when it is the agent's to answer. */
  private replyingTo(): string | undefined {
    const ticket = this.details?.ticket;
    return ticket !== undefined && ticket.id === this.selectedId && ticket.status === 'assigned' && this.isMine(ticket)
      ? ticket.id
      : undefined;
  }

  private isMine(ticket: Ticket): boolean {
    return ticket.assigneeId !== null && ticket.assigneeId === this.me?.id;
  }

  /** Several events often arrive together (a claim, then a message): refresh once for all of them. */
  private scheduleRefresh(ticketId?: string, conversationId?: string): void {
    const details = this.details;
    if (details !== undefined && (ticketId === details.ticket.id || conversationId === details.ticket.conversationId))
      this.refreshSelected = true;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refreshQueue();
      if (this.refreshSelected && this.selectedId !== undefined) void this.open(this.selectedId, false);
      this.refreshSelected = false;
    }, 100);
  }

  private async refreshQueue(): Promise<void> {
    if (this.token === undefined) return;
    // Views change faster than answers come: only the latest refresh draws the list.
    const sequence = (this.queueSequence += 1);
    const wroteIn = [...this.wroteIn];
    this.wroteIn.clear();
    let shown: readonly Ticket[];
    try {
      this.tickets = (await this.api.tickets()).tickets;
      // A view other than the open queue is asked for on its own; unread marks and floods follow the open queue.
      const query = this.views.query();
      shown = query === undefined ? this.tickets : (await this.api.tickets(query)).tickets;
      this.queueError.clear();
    } catch (error) {
      for (const id of wroteIn) this.wroteIn.add(id);
      if (error instanceof ApiError && error.status === 401) return this.signInForm();
      this.queueError.show(failed(error));
      return;
    }
    this.customersWrote(wroteIn);
    // A ticket no longer the agent's (resolved, transferred) has nothing left to read.
    const stillMine = new Set(this.tickets.filter((ticket) => this.isMine(ticket)).map((ticket) => ticket.id));
    for (const id of this.unread) if (!stillMine.has(id)) this.unread.delete(id);
    this.alerts.unreadMessages(this.unread.size);
    if (sequence !== this.queueSequence) return;
    this.queue.render(shown, this.selectedId, this.unread, this.views.isQueue ? t.queueEmpty : t.viewEmpty);
    this.flood.render(this.tickets, this.me !== undefined && this.me.role !== 'agent');
  }

  /** Closes a flood's grouped tickets (leads); the queue then refreshes without them. */
  private async closeFlood(ids: readonly string[]): Promise<number | undefined> {
    try {
      const { closed } = await this.api.close({ ticketIds: [...ids], resolution: 'flood' });
      this.floodError.clear();
      await this.refreshQueue();
      return closed.length;
    } catch (error) {
      this.floodError.show(failed(error));
      return undefined;
    }
  }

  /** Loads a ticket; a slower answer for a ticket the agent has already left is dropped. */
  private async open(id: string, focus = true): Promise<void> {
    const sequence = (this.openSequence += 1);
    let details: TicketDetails;
    try {
      details = await this.api.ticket(id);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.signInForm();
      if (sequence === this.openSequence) this.pane.openError.show(failed(error));
      return;
    }
    if (sequence !== this.openSequence || this.token === undefined) return;
    this.details = details;
    this.selectedId = id;
    showTicketInAddress(id);
    this.queue.markSelected(id);
    this.markRead(id);
    const { ticket } = details;
    // Only an assigned ticket is the agent's to act on: a resolved or released one is read-only.
    const mine = ticket.status === 'assigned' && this.isMine(ticket);
    const groups = () => this.tickets.map((entry) => entry.group);
    const act = (action: TicketAction, body?: TicketActionBody) => void this.act(action, body);
    if (this.me !== undefined && this.me.role !== 'agent') await this.loadTeam();
    if (sequence !== this.openSequence) return;
    const team = this.me?.role === 'agent' ? undefined : this.team;
    this.pane.show(id, details, mine, () => ticketActions(ticket, mine, groups(), act, team), focus);
    void this.context.show(id);
  }

  /**
   * A new token ends every other sign-in with the old one; this browser keeps going with the new one (its other tabs
   * follow through the storage event) and the feed reconnects with it.
   */
  private async replaceToken(): Promise<string> {
    const { token } = await this.api.newToken();
    this.token = token;
    localStorage.setItem(TOKEN_KEY, token);
    this.follow();
    return token;
  }

  /** The team with presence and load, for a lead's assignment; the last known one if it cannot be read. */
  private async loadTeam(): Promise<void> {
    try {
      this.team = (await this.api.team()).agents;
    } catch {
      // The ticket still opens; assignment offers whom it knew.
    }
  }

  /** Drafts a reply; it lands only in the reply box of the ticket it was drafted for. */
  private async suggest(id: string, status: HTMLElement): Promise<void> {
    try {
      const { suggestion } = await this.api.suggestion(id);
      if (this.pane.openId !== id) return;
      if (suggestion === null) status.textContent = t.noSuggestion;
      else {
        this.pane.reply.value = suggestion.text;
        status.textContent = suggestion.citations.map((citation) => citation.title).join(', ');
        this.pane.reply.focus();
      }
    } catch (error) {
      if (this.pane.openId === id) status.textContent = failed(error);
    }
  }

  /** The reply leaves the box only once it was sent: a failed one keeps its text for another try. */
  private async sendReply(): Promise<void> {
    const id = this.selectedId;
    const text = this.pane.reply.value.trim();
    const { files } = this.pane;
    if ((text === '' && files.pending.length === 0) || id === undefined || this.acting) return;
    this.replyTyping.stop();
    const uploaded = await uploadReplyFiles(files, id, this.token ?? '');
    if ('failure' in uploaded) return this.pane.error('reply')?.show(uploaded.failure);
    const body = uploaded.ids.length === 0 ? { text } : { text, attachmentIds: uploaded.ids };
    if ((await this.act('messages', body)) && this.pane.openId === id) {
      this.pane.reply.value = '';
      files.clear();
    }
  }

  /**
   * One action at a time: a double Enter or double click must not send a message twice. A failure is shown beside
   * the control that asked for it and stays there until dismissed or until the same kind of action succeeds.
   */
  private async act(action: TicketAction, body?: TicketActionBody): Promise<boolean> {
    const id = this.selectedId;
    if (id === undefined || this.acting) return false;
    const place: ErrorPlace = action === 'messages' ? 'reply' : action === 'notes' ? 'note' : 'actions';
    const error = this.pane.error(place);
    this.acting = true;
    try {
      await this.api.act(id, action, body);
      error?.clear();
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        this.signInForm();
        return false;
      }
      error?.show(failed(failure));
      await this.open(id, false);
      return false;
    } finally {
      this.acting = false;
    }
    await Promise.all([this.open(id, false), this.refreshQueue()]);
    // After a claim the agent's next step is the reply.
    if ((action === 'claim' || action === 'reopen') && !this.pane.reply.closest('section')?.hidden)
      this.pane.reply.focus();
    return true;
  }
}
