// The agent console: sign in with a token, the live queue by priority and SLA, and a ticket view with the summary
// card first, the transcript, notes and every action on the ticket. Runtime: browser.
import { fill } from '../../i18n.ts';
import { ApiError, errorText } from '../api.ts';
import type { Agent, AgentFeedEvent, Ticket, TicketDetails } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { refuseSignIn, showSignInForm } from '../sign-in-form.ts';
import { followEvents } from '../sse.ts';
import { deskApi, type TicketAction, type TicketActionBody } from './desk-api.ts';
import { FloodPanel } from './flood-panel.ts';
import { NewTicketAlert } from './new-ticket-alert.ts';
import { QueueList, tickCountdowns } from './queue-list.ts';
import { ticketActions } from './ticket-actions.ts';
import { TicketPane } from './ticket-pane.ts';

export const TOKEN_KEY = 'firstline:agent-token';
const app = document.getElementById('app') ?? document.body;

export class AgentConsole {
  private token: string | undefined;
  private me: Agent | undefined;
  private tickets: readonly Ticket[] = [];
  private details: TicketDetails | undefined;
  private selectedId: string | undefined;
  private feed: AbortController | undefined;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshSelected = false;
  private openSequence = 0;
  private acting = false;
  private readonly api = deskApi(() => this.token);
  private readonly queue = new QueueList((id) => void this.open(id));
  private readonly pane = new TicketPane({
    sendReply: () => void this.sendReply(),
    suggest: (id, status) => void this.suggest(id, status),
    addNote: (text) => this.act('notes', { text }),
  });
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly newTickets = new NewTicketAlert();
  private readonly flood = new FloodPanel((ids) => this.closeFlood(ids));

  constructor(token: string | undefined) {
    setInterval(tickCountdowns, 1000);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.newTickets.clear();
    });
    window.addEventListener('focus', () => this.newTickets.clear());
    if (token === undefined) this.signInForm();
    else void this.start(token);
  }

  private signInForm(message = ''): void {
    this.feed?.abort();
    this.feed = undefined;
    clearTimeout(this.refreshTimer);
    this.token = undefined;
    this.selectedId = undefined;
    this.details = undefined;
    this.pane.close();
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
      refuseSignIn(error, { tokenKey: TOKEN_KEY, alert, showForm: (message) => this.signInForm(message) });
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.layout();
    // Follow first and load the queue once the feed is connected, so no ticket falls between the two.
    this.follow();
  }

  private layout(): void {
    const me = this.me;
    const signOut = () => {
      sessionStorage.removeItem(TOKEN_KEY);
      this.signInForm();
    };
    const queueTitle = h('h2', { id: 'queue-title' }, `${t.queueTitle} `, this.queue.count);
    app.replaceChildren(
      h(
        'header',
        { className: 'topbar' },
        h('h1', {}, app.dataset.title ?? ''),
        h('span', { className: 'me' }, me === undefined ? '' : `${me.name} (${me.role})`),
        h('button', { type: 'button', className: 'secondary', onclick: signOut }, t.signOut),
      ),
      h(
        'div',
        { className: 'workspace' },
        h('aside', { className: 'queue' }, queueTitle, this.alert, this.flood.view, this.queue.list),
        this.pane.view,
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
        const data = JSON.parse(message.data) as AgentFeedEvent['data'];
        if (message.event === 'ticket-created') this.newTickets.notify();
        this.scheduleRefresh(data.ticketId, data.conversationId);
      },
    });
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
    try {
      this.tickets = (await this.api.tickets()).tickets;
      this.alert.textContent = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.signInForm();
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
      return;
    }
    this.queue.render(this.tickets, this.selectedId);
    this.flood.render(this.tickets, this.me !== undefined && this.me.role !== 'agent');
  }

  /** Closes a flood's grouped tickets (leads); the queue then refreshes without them. */
  private async closeFlood(ids: readonly string[]): Promise<number | undefined> {
    try {
      const { closed } = await this.api.close({ ticketIds: [...ids], resolution: 'flood' });
      await this.refreshQueue();
      return closed.length;
    } catch (error) {
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
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
      if (sequence === this.openSequence) this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
      return;
    }
    if (sequence !== this.openSequence || this.token === undefined) return;
    this.details = details;
    this.selectedId = id;
    this.queue.markSelected(id);
    const { ticket } = details;
    const mine = ticket.assigneeId !== null && ticket.assigneeId === this.me?.id;
    const groups = () => this.tickets.map((entry) => entry.group);
    const act = (action: TicketAction, body?: TicketActionBody) => void this.act(action, body);
    this.pane.show(id, details, mine, () => ticketActions(ticket, mine, groups(), act), focus);
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
      if (this.pane.openId === id) status.textContent = fill(t.actionFailed, { message: errorText(error) });
    }
  }

  private async sendReply(): Promise<void> {
    const text = this.pane.reply.value.trim();
    if (text === '' || this.selectedId === undefined) return;
    if (await this.act('messages', { text })) this.pane.reply.value = '';
  }

  /** One action at a time: a double Enter or double click must not send a message twice. */
  private async act(action: TicketAction, body?: TicketActionBody): Promise<boolean> {
    const id = this.selectedId;
    if (id === undefined || this.acting) return false;
    this.acting = true;
    try {
      await this.api.act(id, action, body);
      this.alert.textContent = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        this.signInForm();
        return false;
      }
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
      await this.open(id, false);
      return false;
    } finally {
      this.acting = false;
    }
    await Promise.all([this.open(id, false), this.refreshQueue()]);
    // After a claim the agent's next step is the reply.
    if (action === 'claim' && !this.pane.reply.closest('section')?.hidden) this.pane.reply.focus();
    return true;
  }
}
