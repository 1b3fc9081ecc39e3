// The agent console: sign in with a token, the live queue by priority and SLA, and a ticket view with the
// summary card first, the transcript, notes and every action on the ticket. The reply box and the note form
// live as long as the open ticket, so live updates never take focus or text away from the agent. Runtime: browser.
import { fill, label } from '../i18n.ts';
import { ApiError, api, errorText } from './api.ts';
import { duration, h } from './dom.ts';
import { refuseSignIn, showSignInForm } from './sign-in-form.ts';
import { followEvents } from './sse.ts';
import { lang, notesList, summaryCard, t, transcriptList, type Agent, type Citation, type TicketDetails, type TicketView } from './agent-model.ts';

const TOKEN_KEY = 'firstline:agent-token';
const GROUPS = ['first-line', 'second-line', 'billing', 'security'];
const RESOLUTIONS: ReadonlyArray<[string, string]> = [
  ['solved', t.resolutionSolved],
  ['workaround', t.resolutionWorkaround],
  ['duplicate', t.resolutionDuplicate],
  ['no_response', t.resolutionNoResponse],
];
const app = document.getElementById('app') ?? document.body;
const baseTitle = document.title;
const clock = new Intl.DateTimeFormat(lang === 'ru' ? 'ru-RU' : 'en-GB', { hour: '2-digit', minute: '2-digit' });

/** The open ticket's view: slots refreshed from data, and the forms the agent types into, kept as they are. */
interface TicketPane {
  readonly id: string;
  readonly heading: HTMLHeadingElement;
  readonly banner: HTMLElement;
  readonly summary: HTMLElement;
  readonly actions: HTMLElement;
  readonly composer: HTMLElement;
  readonly suggestStatus: HTMLElement;
  readonly transcript: HTMLElement;
  readonly notes: HTMLElement;
  /** What each slot was last drawn from, so unchanged slots are left alone. */
  readonly drawn: Record<string, string>;
}

class AgentConsole {
  private token: string | undefined;
  private me: Agent | undefined;
  private tickets: TicketView[] = [];
  private details: TicketDetails | undefined;
  private selectedId: string | undefined;
  private pane: TicketPane | undefined;
  private feed: AbortController | undefined;
  private unseen = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private refreshSelected = false;
  private openSequence = 0;
  private acting = false;
  private readonly queueList = h('ul', { className: 'ticket-list', 'aria-labelledby': 'queue-title' });
  private readonly queueCount = h('span', { className: 'badge' });
  private readonly view = h('section', { className: 'ticket-view', 'aria-label': t.summary });
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly reply = h('textarea', { id: 'reply-text', 'aria-describedby': 'reply-hint' });
  private readonly note = h('textarea', { id: 'note-text' });

  constructor(token: string | undefined) {
    setInterval(() => this.tick(), 1000);
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden) this.clearUnseen();
    });
    window.addEventListener('focus', () => this.clearUnseen());
    this.reply.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        void this.sendReply();
      }
    });
    if (token === undefined) this.signInForm();
    else void this.start(token);
  }

  private call<T>(path: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
    return api<T>(location.origin, path, { ...options, token: this.token });
  }

  private signInForm(message = ''): void {
    this.feed?.abort();
    this.feed = undefined;
    clearTimeout(this.refreshTimer);
    this.token = undefined;
    this.selectedId = undefined;
    this.details = undefined;
    this.pane = undefined;
    showSignInForm(app, { id: 'agent-token', title: app.dataset.title ?? '', message, onToken: (token, alert) => this.start(token, alert) });
  }

  private async start(token: string, alert?: HTMLElement): Promise<void> {
    this.token = token;
    try {
      this.me = (await this.call<{ agent: Agent }>('/v1/agent/me')).agent;
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
    const signOut = h('button', {
      type: 'button',
      className: 'secondary',
      onclick: () => {
        sessionStorage.removeItem(TOKEN_KEY);
        this.signInForm();
      },
    }, t.signOut);
    app.replaceChildren(
      h('header', { className: 'topbar' }, h('h1', {}, app.dataset.title ?? ''), h('span', { className: 'me' }, me === undefined ? '' : `${me.name} (${me.role})`), signOut),
      h('div', { className: 'workspace' }, h('aside', { className: 'queue' }, h('h2', { id: 'queue-title' }, `${t.queueTitle} `, this.queueCount), this.alert, this.queueList), this.view),
    );
    this.view.replaceChildren(h('p', { className: 'card' }, t.selectTicket));
  }

  private follow(): void {
    this.feed?.abort();
    const controller = new AbortController();
    this.feed = controller;
    void followEvents({
      url: `${location.origin}/v1/agent/events`,
      token: this.token ?? '',
      signal: controller.signal,
      onOpen: () => void this.refreshQueue(),
      onDenied: () => this.signInForm(),
      onMessage: (message) => {
        const data = JSON.parse(message.data) as { ticketId?: string; conversationId?: string };
        if (message.event === 'ticket-created') this.notifyNew();
        this.scheduleRefresh(data.ticketId, data.conversationId);
      },
    });
  }

  /** Several events often arrive together (a claim, then a message): refresh once for all of them. */
  private scheduleRefresh(ticketId?: string, conversationId?: string): void {
    const details = this.details;
    if (details !== undefined && (ticketId === details.ticket.id || conversationId === details.ticket.conversationId)) this.refreshSelected = true;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refreshQueue();
      if (this.refreshSelected && this.selectedId !== undefined) void this.open(this.selectedId, false);
      this.refreshSelected = false;
    }, 100);
  }

  private notifyNew(): void {
    if (!document.hidden && document.hasFocus()) return;
    this.unseen += 1;
    document.title = `${fill(t.newTickets, { count: this.unseen })} — ${baseTitle}`;
    try {
      const audio = new AudioContext();
      const tone = audio.createOscillator();
      tone.frequency.value = 880;
      tone.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 0.15);
    } catch {
      // No sound without a user gesture; the title still changes.
    }
  }

  private clearUnseen(): void {
    this.unseen = 0;
    document.title = baseTitle;
  }

  private async refreshQueue(): Promise<void> {
    if (this.token === undefined) return;
    try {
      this.tickets = (await this.call<{ tickets: TicketView[] }>('/v1/tickets')).tickets;
      this.alert.textContent = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.signInForm();
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
      return;
    }
    this.queueCount.textContent = String(this.tickets.length);
    if (this.tickets.length === 0) {
      this.queueList.replaceChildren(h('li', { className: 'hint' }, t.queueEmpty));
      return;
    }
    const focused = document.activeElement instanceof HTMLElement ? document.activeElement.dataset.ticketId : undefined;
    this.queueList.replaceChildren(...this.tickets.map((ticket) => this.queueItem(ticket)));
    if (focused !== undefined) this.queueList.querySelector<HTMLElement>(`[data-ticket-id="${CSS.escape(focused)}"]`)?.focus();
    this.tick();
  }

  private queueItem(ticket: TicketView): HTMLLIElement {
    const status = ticket.status === 'assigned' && ticket.assigneeName !== null ? fill(t.claimedBy, { name: ticket.assigneeName }) : label(lang, ticket.status);
    // The countdowns change every second: screen readers get the deadline once instead of a changing name.
    const deadline = `SLA ${clock.format(new Date(ticket.slaDueAt))}`;
    const button = h(
      'button',
      { type: 'button', className: 'ticket-item', 'data-ticket-id': ticket.id, 'aria-current': String(ticket.id === this.selectedId), onclick: () => void this.open(ticket.id) },
      h('span', { className: 'line' }, h('span', { className: `badge ${ticket.priority}` }, label(lang, ticket.priority)), ticket.reasons.map((reason) => h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason))), h('span', {}, ticket.lang.toUpperCase())),
      h('span', { className: 'problem' }, ticket.summary.problem || ticket.id),
      h(
        'span',
        { className: 'line' },
        h('span', { className: 'sla', 'aria-hidden': 'true', 'data-due': ticket.slaDueAt, 'data-responded': String(ticket.firstResponseAt !== null) }),
        h('span', { className: 'sr-only' }, deadline),
        h('span', { className: 'waiting', 'aria-hidden': 'true', 'data-since': ticket.createdAt }),
        h('span', {}, status),
      ),
    );
    return h('li', {}, button);
  }

  /** Countdowns and waiting times, once a second; a deadline passed without a human answer turns red. */
  private tick(): void {
    const now = Date.now();
    for (const element of document.querySelectorAll<HTMLElement>('.sla[data-due]')) {
      const left = (Date.parse(element.dataset.due ?? '') - now) / 1000;
      const overdue = left < 0 && element.dataset.responded !== 'true';
      element.classList.toggle('overdue', overdue);
      element.textContent = overdue ? fill(t.overdueBy, { time: duration(-left, lang) }) : fill(t.dueIn, { time: duration(Math.max(0, left), lang) });
    }
    for (const element of document.querySelectorAll<HTMLElement>('.waiting[data-since]')) {
      element.textContent = fill(t.waitingFor, { time: duration((now - Date.parse(element.dataset.since ?? '')) / 1000, lang) });
    }
  }

  /** Loads a ticket; a slower answer for a ticket the agent has already left is dropped. */
  private async open(id: string, focus = true): Promise<void> {
    const sequence = (this.openSequence += 1);
    let details: TicketDetails;
    try {
      details = await this.call<TicketDetails>(`/v1/tickets/${encodeURIComponent(id)}`);
    } catch (error) {
      if (sequence === this.openSequence) this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
      return;
    }
    if (sequence !== this.openSequence || this.token === undefined) return;
    this.details = details;
    this.selectedId = id;
    for (const element of this.queueList.querySelectorAll<HTMLElement>('[data-ticket-id]')) element.setAttribute('aria-current', String(element.dataset.ticketId === id));
    if (this.pane?.id !== id) this.pane = this.buildPane(id);
    this.renderTicket(this.pane, details);
    if (focus) this.pane.heading.focus();
  }

  private buildPane(id: string): TicketPane {
    this.reply.value = '';
    this.note.value = '';
    const suggestStatus = h('span', { className: 'hint', role: 'status' });
    const suggest = h('button', { type: 'button', className: 'secondary', onclick: () => void this.suggest(id, suggestStatus) }, t.suggest);
    const composer = h(
      'section',
      { className: 'card composer', 'aria-label': t.reply, hidden: true },
      h('label', { for: 'reply-text' }, t.reply),
      this.reply,
      h('div', { className: 'row' }, h('button', { type: 'button', className: 'primary', onclick: () => void this.sendReply() }, t.send), suggest, h('span', { id: 'reply-hint', className: 'hint' }, t.replyHint), suggestStatus),
    );
    const notes = h('div', {});
    const noteForm = h(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault();
          const value = this.note.value.trim();
          if (value !== '') void this.act('notes', { text: value }).then((done) => done && (this.note.value = ''));
        },
      },
      h('label', { for: 'note-text' }, t.noteLabel),
      this.note,
      h('button', { type: 'submit', className: 'secondary' }, t.addNote),
    );
    const pane: TicketPane = {
      id,
      heading: h('h2', { tabindex: -1, className: 'sr-only' }),
      banner: h('div', {}),
      summary: h('div', {}),
      actions: h('div', { className: 'actions card' }),
      composer,
      suggestStatus,
      transcript: h('div', {}),
      notes,
      drawn: {},
    };
    this.view.replaceChildren(
      pane.heading,
      pane.banner,
      pane.summary,
      pane.actions,
      composer,
      h('section', { className: 'card', 'aria-labelledby': 'transcript-title' }, h('h3', { id: 'transcript-title' }, t.transcript), pane.transcript),
      h('section', { className: 'card notes', 'aria-labelledby': 'notes-title' }, h('h3', { id: 'notes-title' }, t.notes), notes, noteForm),
    );
    return pane;
  }

  /** Redraws only the slots whose data changed; the reply box and note form are never rebuilt. */
  private renderTicket(pane: TicketPane, details: TicketDetails): void {
    const { ticket } = details;
    const mine = ticket.assigneeId !== null && ticket.assigneeId === this.me?.id;
    const draw = (slot: keyof TicketPane & string, key: string, render: () => Node | null) => {
      if (pane.drawn[slot] === key) return;
      pane.drawn[slot] = key;
      const element = pane[slot] as HTMLElement;
      const node = render();
      element.replaceChildren(...(node === null ? [] : [node]));
    };
    pane.heading.textContent = `${t.summary}: ${ticket.summary.problem}`;
    draw('banner', `${ticket.status}|${ticket.assigneeId}`, () =>
      ticket.status === 'assigned' && !mine ? h('p', { className: 'banner', role: 'status', 'data-testid': 'claimed-banner' }, fill(t.claimedByOther, { name: ticket.assigneeName ?? '?' })) : null,
    );
    draw('summary', JSON.stringify([ticket.summary, ticket.status, ticket.group, ticket.priority, details.transcript.length]), () => summaryCard(details));
    draw('actions', `${ticket.status}|${ticket.assigneeId}|${ticket.group}`, () => this.actions(ticket, mine));
    pane.actions.hidden = pane.actions.childElementCount === 0;
    pane.composer.hidden = !mine;
    draw('transcript', details.transcript.map((message) => message.id).join(','), () => transcriptList(details.transcript));
    draw('notes', details.notes.map((note) => note.id).join(','), () => notesList(details.notes));
  }

  private actions(ticket: TicketView, mine: boolean): Node | null {
    const act = (text: string, path: string, body?: () => unknown, className = 'secondary') => h('button', { type: 'button', className, onclick: () => void this.act(path, body?.()) }, text);
    const parts: Node[] = [];
    if (ticket.status === 'waiting' || ticket.status === 'transferred') parts.push(act(t.claim, 'claim', undefined, 'primary'));
    if (mine) {
      const groups = [...new Set([...GROUPS, ...this.tickets.map((entry) => entry.group)])].filter((group) => group !== ticket.group);
      const group = h('select', { id: 'transfer-group' }, groups.map((name) => h('option', { value: name }, name)));
      const resolution = h('select', { id: 'resolution' }, RESOLUTIONS.map(([value, text]) => h('option', { value }, text)));
      parts.push(
        h('span', { className: 'field' }, h('label', { for: 'resolution' }, t.resolutionLabel), resolution),
        act(t.resolve, 'resolve', () => ({ resolution: resolution.value }), 'primary'),
        h('span', { className: 'field' }, h('label', { for: 'transfer-group' }, t.groupLabel), group),
        act(t.transfer, 'transfer', () => ({ group: group.value })),
        act(t.release, 'release'),
      );
    }
    if (parts.length === 0) return null;
    const fragment = document.createDocumentFragment();
    fragment.append(...parts);
    return fragment;
  }

  /** Drafts a reply; it lands only in the reply box of the ticket it was drafted for. */
  private async suggest(id: string, status: HTMLElement): Promise<void> {
    try {
      const { suggestion } = await this.call<{ suggestion: { text: string; citations: Citation[] } | null }>(`/v1/tickets/${encodeURIComponent(id)}/suggestion`);
      if (this.pane?.id !== id) return;
      if (suggestion === null) status.textContent = t.noSuggestion;
      else {
        this.reply.value = suggestion.text;
        status.textContent = suggestion.citations.map((citation) => citation.title).join(', ');
        this.reply.focus();
      }
    } catch (error) {
      if (this.pane?.id === id) status.textContent = fill(t.actionFailed, { message: errorText(error) });
    }
  }

  private async sendReply(): Promise<void> {
    const text = this.reply.value.trim();
    if (text === '' || this.selectedId === undefined) return;
    if (await this.act('messages', { text })) this.reply.value = '';
  }

  /** One action at a time: a double Enter or double click must not send a message twice. */
  private async act(action: string, body?: unknown): Promise<boolean> {
    const id = this.selectedId;
    if (id === undefined || this.acting) return false;
    this.acting = true;
    try {
      await this.call(`/v1/tickets/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
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
    if (action === 'claim' && !this.reply.closest('section')?.hidden) this.reply.focus();
    return true;
  }
}

new AgentConsole(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
