// The agent console: sign in with a token, the live queue by priority and SLA, and a ticket view with the
// summary card first, the transcript, notes and every action on the ticket. Runtime: browser.
import { STRINGS, fill, label, uiLang } from '../i18n.ts';
import { ApiError, api } from './api.ts';
import { duration, h } from './dom.ts';
import { followEvents } from './sse.ts';

interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}
interface Citation {
  readonly articleId: string;
  readonly title: string;
}
interface TicketView {
  readonly id: string;
  readonly conversationId: string;
  readonly status: 'waiting' | 'assigned' | 'transferred' | 'resolved' | 'released';
  readonly group: string;
  readonly priority: string;
  readonly reasons: readonly string[];
  readonly signals: { readonly confidence?: { readonly score: number; readonly components: Readonly<Record<string, number>> } };
  readonly summary: {
    readonly problem: string;
    readonly botSaid: readonly string[];
    readonly citedArticles: readonly string[];
    readonly customerAnswered: readonly string[];
    readonly mood: { readonly label: string; readonly intensity: number };
    readonly openQuestions: readonly string[];
  };
  readonly lang: string;
  readonly customer: { readonly name?: string; readonly email?: string; readonly plan?: string };
  readonly assigneeId: string | null;
  readonly assigneeName: string | null;
  readonly slaDueAt: string;
  readonly createdAt: string;
  readonly firstResponseAt: string | null;
}
interface TranscriptMessage {
  readonly id: string;
  readonly role: string;
  readonly text: string;
  readonly at: string;
  readonly citations?: readonly Citation[];
  readonly author?: { readonly name: string };
}
interface Note {
  readonly id: string;
  readonly text: string;
  readonly at: string;
  readonly agentName: string | null;
}
interface TicketDetails {
  readonly ticket: TicketView;
  readonly transcript: readonly TranscriptMessage[];
  readonly notes: readonly Note[];
}

const lang = uiLang(document.documentElement.lang);
const t = STRINGS[lang];
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

class AgentConsole {
  private me: Agent | undefined;
  private tickets: TicketView[] = [];
  private details: TicketDetails | undefined;
  private selectedId: string | undefined;
  private feed: AbortController | undefined;
  private unseen = 0;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly queueList = h('ul', { className: 'ticket-list', 'aria-labelledby': 'queue-title' });
  private readonly queueCount = h('span', { className: 'badge' });
  private readonly view = h('section', { className: 'ticket-view', 'aria-label': t.summary });
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly reply = h('textarea', { id: 'reply-text', 'aria-describedby': 'reply-hint' });
  private replyFor: string | undefined;

  constructor(private token: string | undefined) {
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
    const input = h('input', { id: 'agent-token', type: 'password', autocomplete: 'off', required: true });
    const alert = h('p', { className: 'alert', role: 'alert' }, message);
    const form = h(
      'form',
      {
        className: 'signin',
        onsubmit: (event) => {
          event.preventDefault();
          void this.start(input.value.trim(), alert);
        },
      },
      h('h2', {}, `${app.dataset.title ?? ''} — ${t.signInTitle}`),
      h('label', { for: 'agent-token' }, t.tokenLabel),
      input,
      alert,
      h('button', { type: 'submit', className: 'primary' }, t.signIn),
    );
    app.replaceChildren(form);
    input.focus();
  }

  private async start(token: string, alert?: HTMLElement): Promise<void> {
    this.token = token;
    try {
      this.me = (await this.call<{ agent: Agent }>('/v1/agent/me')).agent;
    } catch (error) {
      sessionStorage.removeItem(TOKEN_KEY);
      const message = fill(t.signInFailed, { message: error instanceof Error ? error.message : String(error) });
      if (alert === undefined) this.signInForm(message);
      else alert.textContent = message;
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.layout();
    await this.refreshQueue();
    this.follow();
  }

  private layout(): void {
    const me = this.me;
    const signOut = h('button', {
      type: 'button',
      className: 'secondary',
      onclick: () => {
        sessionStorage.removeItem(TOKEN_KEY);
        this.token = undefined;
        this.selectedId = undefined;
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
    const touchesSelected = this.details !== undefined && (ticketId === this.details.ticket.id || conversationId === this.details.ticket.conversationId);
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      void this.refreshQueue();
      if (touchesSelected && this.selectedId !== undefined) void this.open(this.selectedId, false);
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
    try {
      this.tickets = (await this.call<{ tickets: TicketView[] }>('/v1/tickets')).tickets;
      this.alert.textContent = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.signInForm();
      this.alert.textContent = fill(t.actionFailed, { message: error instanceof Error ? error.message : String(error) });
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
    const button = h(
      'button',
      { type: 'button', className: 'ticket-item', 'data-ticket-id': ticket.id, 'aria-current': String(ticket.id === this.selectedId), onclick: () => void this.open(ticket.id) },
      h('span', { className: 'line' }, h('span', { className: `badge ${ticket.priority}` }, label(lang, ticket.priority)), ticket.reasons.map((reason) => h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason))), h('span', {}, ticket.lang.toUpperCase())),
      h('span', { className: 'problem' }, ticket.summary.problem || ticket.id),
      h('span', { className: 'line' }, h('span', { className: 'sla', 'data-due': ticket.slaDueAt, 'data-responded': String(ticket.firstResponseAt !== null) }), h('span', { className: 'waiting', 'data-since': ticket.createdAt }), h('span', {}, status)),
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

  private async open(id: string, focus = true): Promise<void> {
    try {
      this.details = await this.call<TicketDetails>(`/v1/tickets/${encodeURIComponent(id)}`);
    } catch (error) {
      this.alert.textContent = fill(t.actionFailed, { message: error instanceof Error ? error.message : String(error) });
      return;
    }
    if (this.selectedId !== id) {
      this.reply.value = '';
      this.replyFor = id;
    }
    this.selectedId = id;
    for (const element of this.queueList.querySelectorAll<HTMLElement>('[data-ticket-id]')) element.setAttribute('aria-current', String(element.dataset.ticketId === id));
    this.renderTicket();
    if (focus) this.view.querySelector<HTMLElement>('h2')?.focus();
  }

  private renderTicket(): void {
    const details = this.details;
    if (details === undefined) return;
    const { ticket } = details;
    const mine = ticket.assigneeId !== null && ticket.assigneeId === this.me?.id;
    const takenByOther = ticket.status === 'assigned' && !mine;
    const customer = [ticket.customer.name, ticket.customer.email, ticket.customer.plan].filter((part) => part !== undefined && part !== '').join(' · ');
    const parts: Array<Node | null> = [
      h('h2', { tabindex: -1, className: 'sr-only' }, `${t.summary}: ${ticket.summary.problem}`),
      takenByOther ? h('p', { className: 'banner', role: 'status', 'data-testid': 'claimed-banner' }, fill(t.claimedByOther, { name: ticket.assigneeName ?? '?' })) : null,
      this.summaryCard(details),
      this.actions(ticket, mine),
      mine ? this.composer() : null,
      h('section', { className: 'card', 'aria-labelledby': 'transcript-title' }, h('h3', { id: 'transcript-title' }, `${t.transcript}${customer === '' ? '' : ` — ${customer}`}`), this.transcript(details.transcript)),
      this.notes(details.notes),
    ];
    this.view.replaceChildren(...parts.filter((part): part is Node => part !== null));
  }

  private summaryCard(details: TicketDetails): HTMLElement {
    const { ticket } = details;
    const { summary } = ticket;
    const list = (items: readonly string[]): Node | string => (items.length === 0 ? '—' : h('ul', {}, items.map((item) => h('li', {}, item))));
    const cited = new Map<string, string>();
    for (const message of details.transcript) for (const citation of message.citations ?? []) cited.set(citation.articleId, citation.title);
    const articles = cited.size === 0 ? list(summary.citedArticles) : h('ul', {}, [...cited].map(([id, title]) => h('li', {}, h('a', { href: `/kb/${encodeURIComponent(id)}`, target: '_blank', rel: 'noopener' }, title))));
    const confidence = ticket.signals.confidence;
    const components =
      confidence === undefined
        ? '—'
        : h(
            'table',
            { className: 'components' },
            h('tr', {}, h('th', {}, 'score'), h('td', {}, confidence.score.toFixed(2))),
            Object.entries(confidence.components).map(([name, value]) => h('tr', {}, h('th', {}, name), h('td', {}, value.toFixed(2)))),
          );
    const row = (label: string, value: Node | string | null) => [h('dt', {}, label), h('dd', {}, value ?? '—')];
    return h(
      'section',
      { className: 'card summary', 'aria-labelledby': 'summary-title', 'data-testid': 'summary' },
      h('h3', { id: 'summary-title' }, t.summary),
      h(
        'dl',
        {},
        row(t.problem, summary.problem || '—'),
        row(t.reasons, h('span', {}, ticket.reasons.map((reason) => h('span', { className: 'badge reason', 'data-reason': reason }, label(lang, reason))))),
        row(t.mood, `${label(lang, summary.mood.label)} (${summary.mood.intensity.toFixed(2)})`),
        row(t.botTried, list(summary.botSaid)),
        row(t.articlesUsed, articles),
        row(t.customerAnswered, list(summary.customerAnswered)),
        row(t.openQuestions, list(summary.openQuestions)),
        row(t.confidence, components),
        row(t.status, `${label(lang, ticket.status)} · ${ticket.group} · ${t.priority}: ${label(lang, ticket.priority)} · ${t.language}: ${ticket.lang.toUpperCase()}`),
      ),
    );
  }

  private actions(ticket: TicketView, mine: boolean): HTMLElement {
    const container = h('div', { className: 'actions card' });
    const act = (label: string, path: string, body?: () => unknown, className = 'secondary') =>
      h('button', { type: 'button', className, onclick: () => void this.act(path, body?.()) }, label);
    const open = ticket.status === 'waiting' || ticket.status === 'transferred';
    if (open) container.append(act(t.claim, 'claim', undefined, 'primary'));
    if (mine) {
      const groups = [...new Set([...GROUPS, ...this.tickets.map((entry) => entry.group)])].filter((group) => group !== ticket.group);
      const group = h('select', { id: 'transfer-group' }, groups.map((name) => h('option', { value: name }, name)));
      const resolution = h('select', { id: 'resolution' }, RESOLUTIONS.map(([value, label]) => h('option', { value }, label)));
      container.append(
        h('span', { className: 'field' }, h('label', { for: 'resolution' }, t.resolutionLabel), resolution),
        act(t.resolve, 'resolve', () => ({ resolution: resolution.value }), 'primary'),
        h('span', { className: 'field' }, h('label', { for: 'transfer-group' }, t.groupLabel), group),
        act(t.transfer, 'transfer', () => ({ group: group.value })),
        act(t.release, 'release'),
      );
    }
    return container;
  }

  private composer(): HTMLElement {
    const id = this.selectedId;
    if (this.replyFor !== id) {
      this.reply.value = '';
      this.replyFor = id;
    }
    const status = h('span', { className: 'hint', role: 'status' });
    const suggest = h('button', {
      type: 'button',
      className: 'secondary',
      onclick: async () => {
        if (id === undefined) return;
        try {
          const { suggestion } = await this.call<{ suggestion: { text: string; citations: Citation[] } | null }>(`/v1/tickets/${encodeURIComponent(id)}/suggestion`);
          if (suggestion === null) status.textContent = t.noSuggestion;
          else {
            this.reply.value = suggestion.text;
            status.textContent = suggestion.citations.map((citation) => citation.title).join(', ');
            this.reply.focus();
          }
        } catch (error) {
          status.textContent = fill(t.actionFailed, { message: error instanceof Error ? error.message : String(error) });
        }
      },
    }, t.suggest);
    return h(
      'section',
      { className: 'card composer', 'aria-labelledby': 'reply-label' },
      h('label', { id: 'reply-label', for: 'reply-text' }, t.reply),
      this.reply,
      h('div', { className: 'row' }, h('button', { type: 'button', className: 'primary', onclick: () => void this.sendReply() }, t.send), suggest, h('span', { id: 'reply-hint', className: 'hint' }, t.replyHint), status),
    );
  }

  private transcript(messages: readonly TranscriptMessage[]): HTMLElement {
    const who = (message: TranscriptMessage) => (message.role === 'customer' ? t.customer : message.role === 'agent' ? (message.author?.name ?? t.agent) : t.bot);
    return h(
      'ol',
      { className: 'transcript', 'data-testid': 'transcript' },
      messages.map((message) =>
        h('li', { className: message.role }, h('span', { className: 'who' }, `${who(message)} · ${new Date(message.at).toLocaleTimeString(lang === 'ru' ? 'ru-RU' : 'en-GB')}`), message.text),
      ),
    );
  }

  private notes(notes: readonly Note[]): HTMLElement {
    const text = h('textarea', { id: 'note-text' });
    const form = h(
      'form',
      {
        onsubmit: (event) => {
          event.preventDefault();
          const value = text.value.trim();
          if (value !== '') void this.act('notes', { text: value });
        },
      },
      h('label', { for: 'note-text' }, t.noteLabel),
      text,
      h('button', { type: 'submit', className: 'secondary' }, t.addNote),
    );
    const list = notes.length === 0 ? h('p', { className: 'hint' }, t.noNotes) : h('ul', {}, notes.map((note) => h('li', {}, `${note.agentName ?? ''}: ${note.text}`)));
    return h('section', { className: 'card notes', 'aria-labelledby': 'notes-title' }, h('h3', { id: 'notes-title' }, t.notes), list, form);
  }

  private async sendReply(): Promise<void> {
    const text = this.reply.value.trim();
    if (text === '' || this.selectedId === undefined) return;
    if (await this.act('messages', { text })) this.reply.value = '';
  }

  private async act(action: string, body?: unknown): Promise<boolean> {
    const id = this.selectedId;
    if (id === undefined) return false;
    try {
      await this.call(`/v1/tickets/${encodeURIComponent(id)}/${action}`, { method: 'POST', body });
      this.alert.textContent = '';
    } catch (error) {
      this.alert.textContent = fill(t.actionFailed, { message: error instanceof Error ? error.message : String(error) });
      await this.open(id, false);
      return false;
    }
    await Promise.all([this.open(id, false), this.refreshQueue()]);
    return true;
  }
}

new AgentConsole(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
