// The customer chat widget: one <script> tag on any page (or inline on /chat). Keeps the conversation across
// reloads, streams replies, shows citations, the handoff notice, live agent messages and the rating form.
// Runtime: browser.
import css from '../styles/widget.css';
import { STRINGS, fill, uiLang, type UiLang, type UiStrings } from '../i18n.ts';
import { ApiError, api } from './api.ts';
import { h } from './dom.ts';
import { followEvents, readEventStream } from './sse.ts';

interface Citation {
  readonly articleId: string;
  readonly title: string;
}
interface MessageView {
  readonly id: string;
  readonly role: 'customer' | 'bot' | 'agent' | 'system';
  readonly text: string;
  readonly citations?: readonly Citation[];
  readonly action?: string;
  readonly lang?: UiLang;
  readonly author?: { readonly name: string };
}
interface QueueStanding {
  readonly position: number;
  readonly expectedWaitMinutes: number;
  readonly opensAt?: string;
}
interface ConversationView {
  readonly status: string;
  readonly lang: UiLang | null;
  readonly messages: readonly MessageView[];
  readonly queue: QueueStanding | null;
}
interface Stored {
  readonly id: string;
  readonly token: string;
  lastEventId?: string | undefined;
  rated?: boolean | undefined;
}
interface PostResult {
  readonly message: { readonly id: string };
  readonly reply: MessageView | null;
}

const script = document.currentScript instanceof HTMLScriptElement ? document.currentScript : null;

/** A random id for idempotent sends; `crypto.randomUUID` exists only on https pages, so http hosts get the same from random bytes. */
function newId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Styles in the shadow root through a constructed sheet where supported, so host pages need no 'unsafe-inline'. */
function applyStyles(shadow: ShadowRoot): void {
  if ('adoptedStyleSheets' in shadow && typeof CSSStyleSheet.prototype.replaceSync === 'function') {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } else shadow.append(h('style', {}, css));
}
const BASE = script === null ? location.origin : new URL(script.src, location.href).origin;
const STORAGE_KEY = `firstline:conversation:${BASE}`;

class ChatWidget {
  private lang: UiLang;
  private t: UiStrings;
  private stored: Stored | undefined;
  private status = 'bot';
  private readonly seen = new Set<string>();
  private follow: AbortController | undefined;
  private busy = false;
  private statusSequence = 0;
  private readonly root: HTMLElement;
  private readonly launcher: HTMLButtonElement | undefined;
  private readonly panel: HTMLElement;
  private readonly title = h('h2', { id: 'fl-title' });
  private readonly state = h('p', { className: 'state', role: 'status' });
  private readonly closeButton = h('button', { type: 'button' }, '×');
  private readonly log = h('ol', { className: 'log', role: 'log', 'aria-live': 'polite', 'aria-labelledby': 'fl-title' });
  private readonly typing = h('p', { className: 'typing', hidden: true });
  /** Live only for news the conversation log does not carry (an agent joined, resolved): the queue notice repeats the bot's handoff reply, which the log already announced. */
  private readonly notice = h('p', { className: 'notice', 'aria-live': 'off', hidden: true });
  private readonly error = h('div', { className: 'error', role: 'alert', hidden: true });
  private readonly rating = h('form', { className: 'rating', hidden: true });
  private readonly input = h('textarea', { id: 'fl-input', rows: 2, 'aria-describedby': 'fl-hint' });
  private readonly inputLabel = h('label', { className: 'sr-only', for: 'fl-input' });
  private readonly sendButton = h('button', { type: 'submit', className: 'primary' });
  private readonly hint = h('p', { id: 'fl-hint', className: 'hint' });

  constructor(host: HTMLElement, private readonly mode: 'inline' | 'floating', lang: UiLang) {
    this.lang = lang;
    this.t = STRINGS[lang];
    const shadow = host.attachShadow({ mode: 'open' });
    applyStyles(shadow);
    const composer = h('form', { className: 'composer', onsubmit: (event) => this.onSubmit(event) }, this.inputLabel, this.input, this.sendButton, this.hint);
    this.input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        composer.requestSubmit();
      }
    });
    const header = h('header', {}, this.title, this.state, mode === 'floating' ? this.closeButton : null);
    this.panel = h('section', { id: 'fl-panel', className: 'panel', 'aria-labelledby': 'fl-title', hidden: mode === 'floating' }, header, this.log, this.typing, this.notice, this.error, this.rating, composer);
    if (mode === 'floating') {
      this.launcher = h('button', { type: 'button', className: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'fl-panel', onclick: () => this.toggle(this.panel.hidden) });
      this.closeButton.addEventListener('click', () => this.toggle(false));
      this.panel.addEventListener('keydown', (event) => {
        if ((event as KeyboardEvent).key === 'Escape') this.toggle(false);
      });
    }
    this.root = h('div', { className: 'fl', 'data-mode': mode }, this.launcher ?? null, this.panel);
    shadow.append(this.root);
    this.applyLang();
    this.stored = this.load();
    if (this.stored === undefined) this.welcome();
    else void this.restore();
  }

  private applyLang(): void {
    const t = this.t;
    this.title.textContent = t.widgetTitle;
    this.closeButton.setAttribute('aria-label', t.widgetClose);
    this.launcher?.replaceChildren(t.widgetTitle);
    this.launcher?.setAttribute('title', t.widgetOpen);
    this.inputLabel.textContent = t.messageLabel;
    this.input.placeholder = t.messagePlaceholder;
    this.sendButton.textContent = t.send;
    this.hint.textContent = t.sendHint;
    this.typing.textContent = t.typing;
    this.state.textContent = this.statusText();
    this.root.setAttribute('lang', this.lang);
  }

  /** The customer writes in another language than the page: the widget follows the customer. */
  private setLang(lang: UiLang | null | undefined): void {
    if (lang === undefined || lang === null || lang === this.lang) return;
    this.lang = lang;
    this.t = STRINGS[lang];
    this.applyLang();
  }

  private toggle(open: boolean): void {
    if (this.launcher === undefined) return;
    this.panel.hidden = !open;
    this.launcher.setAttribute('aria-expanded', String(open));
    if (open) this.input.focus();
    else this.launcher.focus();
    this.updateFollowing();
  }

  /**
   * A live feed costs a connection and server polling, so a closed floating widget follows only while a
   * person is involved; an open or inline one always does.
   */
  private updateFollowing(): void {
    const wanted = this.stored !== undefined && (this.mode === 'inline' || !this.panel.hidden || this.status !== 'bot');
    if (wanted && this.follow === undefined) this.startFollowing();
    if (!wanted && this.follow !== undefined) {
      this.follow.abort();
      this.follow = undefined;
    }
  }

  private load(): Stored | undefined {
    try {
      const raw = localStorage.getItem(STORAGE_KEY);
      const value = raw === null ? undefined : (JSON.parse(raw) as Partial<Stored>);
      return typeof value?.id === 'string' && typeof value.token === 'string' ? (value as Stored) : undefined;
    } catch {
      return undefined;
    }
  }

  private save(): void {
    try {
      if (this.stored === undefined) localStorage.removeItem(STORAGE_KEY);
      else localStorage.setItem(STORAGE_KEY, JSON.stringify(this.stored));
    } catch {
      // Private mode without storage: the conversation lasts until the page closes.
    }
  }

  private welcome(): void {
    this.log.append(h('li', { className: 'msg welcome' }, h('span', { className: 'who' }, this.t.bot), this.t.widgetWelcome));
  }

  private async restore(): Promise<void> {
    const stored = this.stored;
    if (stored === undefined) return;
    // Sending waits for the transcript, so a message cannot be rendered twice.
    this.busy = true;
    try {
      const conversation = await api<ConversationView>(BASE, `/v1/conversations/${encodeURIComponent(stored.id)}`, { token: stored.token });
      this.setLang(conversation.lang);
      if (conversation.messages.length === 0) this.welcome();
      for (const message of conversation.messages) this.render(message);
      this.showStatus(conversation.status, conversation.queue);
      this.updateFollowing();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
        this.reset();
        return;
      }
      this.showError(this.t.sendFailed, () => void this.restore());
    } finally {
      this.busy = false;
    }
  }

  private reset(): void {
    this.follow?.abort();
    this.follow = undefined;
    this.stored = undefined;
    this.save();
    this.seen.clear();
    this.log.replaceChildren();
    this.notice.hidden = true;
    this.rating.hidden = true;
    this.status = 'bot';
    this.state.textContent = this.statusText();
    this.welcome();
  }

  private async ensureConversation(): Promise<Stored> {
    if (this.stored !== undefined) return this.stored;
    const created = await api<{ id: string; token: string }>(BASE, '/v1/conversations', { method: 'POST', body: { lang: this.lang, channel: 'web' } });
    this.stored = { id: created.id, token: created.token };
    this.save();
    this.updateFollowing();
    return this.stored;
  }

  private startFollowing(): void {
    const stored = this.stored;
    if (stored === undefined) return;
    this.follow?.abort();
    const controller = new AbortController();
    this.follow = controller;
    void followEvents({
      url: `${BASE}/v1/conversations/${encodeURIComponent(stored.id)}/events`,
      token: stored.token,
      lastEventId: stored.lastEventId,
      signal: controller.signal,
      onMessage: (message) => {
        stored.lastEventId = message.id ?? stored.lastEventId;
        this.save();
        const data = JSON.parse(message.data) as Record<string, unknown>;
        if (message.event === 'message') this.render(data as unknown as MessageView);
        else if (message.event === 'status') void this.onStatus(data);
      },
    });
  }

  private async onStatus(data: Record<string, unknown>): Promise<void> {
    const status = String(data.status);
    const agent = data.agent as { name?: string } | undefined;
    if (status === 'waiting' || status === 'transferred') {
      const stored = this.stored;
      const sequence = (this.statusSequence += 1);
      const view = stored === undefined ? undefined : await api<ConversationView>(BASE, `/v1/conversations/${encodeURIComponent(stored.id)}`, { token: stored.token }).catch(() => undefined);
      // A claim may have arrived while the queue position was loading: the newer status wins.
      if (sequence !== this.statusSequence) return;
      this.showStatus(view?.status ?? status, view?.queue ?? null);
    } else {
      this.statusSequence += 1;
      this.showStatus(status, null, agent?.name);
    }
  }

  private statusText(): string {
    const t = this.t;
    return { bot: t.statusBot, waiting: t.statusWaiting, transferred: t.statusWaiting, assigned: t.statusAssigned, resolved: t.statusResolved }[this.status] ?? t.statusBot;
  }

  private showStatus(status: string, queue: QueueStanding | null, agentName?: string): void {
    this.status = status;
    this.state.textContent = this.statusText();
    const t = this.t;
    let notice = '';
    if ((status === 'waiting' || status === 'transferred') && queue !== null) {
      notice =
        queue.opensAt === undefined
          ? fill(t.queueNotice, { position: queue.position, minutes: queue.expectedWaitMinutes })
          : fill(t.queueAfterHours, { time: new Date(queue.opensAt).toLocaleString(this.lang === 'ru' ? 'ru-RU' : 'en-GB', { weekday: 'long', hour: '2-digit', minute: '2-digit' }) });
    } else if (status === 'assigned' && agentName !== undefined) notice = fill(t.agentJoined, { name: agentName });
    else if (status === 'resolved') notice = t.resolvedNotice;
    const queued = status === 'waiting' || status === 'transferred';
    this.notice.setAttribute('aria-live', queued ? 'off' : 'polite');
    this.notice.textContent = notice;
    this.notice.hidden = notice === '';
    if (status === 'resolved' && this.stored?.rated !== true) this.showRating();
    this.updateFollowing();
    if (status === 'bot') this.rating.hidden = true;
  }

  private showRating(): void {
    if (!this.rating.hidden) return;
    const t = this.t;
    const stars = [1, 2, 3, 4, 5].map((n) => h('label', {}, h('input', { type: 'radio', name: 'score', value: n, required: n === 1 }), fill(t.rateStar, { n })));
    const comment = h('textarea', { id: 'fl-comment', name: 'comment', maxlength: 2000 });
    this.rating.replaceChildren(
      h('fieldset', {}, h('legend', {}, t.rateTitle), h('div', { className: 'stars' }, stars)),
      h('label', { for: 'fl-comment' }, t.rateComment),
      comment,
      h('button', { type: 'submit', className: 'primary' }, t.rateSend),
    );
    this.rating.onsubmit = (event) => {
      event.preventDefault();
      const score = Number(new FormData(this.rating).get('score'));
      if (!(score >= 1 && score <= 5) || this.stored === undefined) return;
      const text = comment.value.trim();
      void api(BASE, `/v1/conversations/${encodeURIComponent(this.stored.id)}/rating`, { method: 'POST', token: this.stored.token, body: text === '' ? { score } : { score, comment: text } })
        .catch((error: unknown) => {
          if (!(error instanceof ApiError && error.code.startsWith('conflict'))) throw error;
        })
        .then(() => {
          if (this.stored !== undefined) this.stored.rated = true;
          this.save();
          const again = h('button', {
            type: 'button',
            className: 'secondary',
            onclick: () => {
              this.reset();
              this.input.focus();
            },
          }, t.newConversation);
          this.rating.replaceChildren(h('p', { role: 'status' }, t.rateThanks), again);
          again.focus();
        })
        .catch((error: unknown) => this.showError(error instanceof ApiError ? error.message : t.sendFailed));
    };
    this.rating.hidden = false;
  }

  private showError(message: string, retry?: () => void): void {
    this.error.replaceChildren(message);
    if (retry !== undefined) {
      this.error.append(
        h('button', {
          type: 'button',
          className: 'secondary',
          onclick: () => {
            this.error.hidden = true;
            this.input.focus();
            retry();
          },
        }, this.t.retry),
      );
    }
    this.error.hidden = false;
  }

  private bubble(role: MessageView['role'], who: string, text: string): { item: HTMLLIElement; body: HTMLSpanElement } {
    const body = h('span', { className: 'text' }, text);
    const item = h('li', { className: `msg ${role}` }, h('span', { className: 'who' }, `${who}:`), body);
    this.log.append(item);
    item.scrollIntoView?.({ block: 'end' });
    return { item, body };
  }

  private who(message: MessageView): string {
    if (message.role === 'customer') return this.t.you;
    if (message.role === 'agent') return message.author?.name || this.t.agent;
    return this.t.bot;
  }

  private citations(item: HTMLElement, citations: readonly Citation[] | undefined): void {
    if (citations === undefined || citations.length === 0) return;
    const links = citations.map((citation) => h('a', { href: `${BASE}/kb/${encodeURIComponent(citation.articleId)}`, target: '_blank', rel: 'noopener' }, citation.title));
    item.append(h('nav', { 'aria-label': this.t.sources }, `${this.t.sources}: `, links));
  }

  private render(message: MessageView): void {
    if (this.seen.has(message.id) || message.role === 'system') return;
    this.seen.add(message.id);
    const { item } = this.bubble(message.role, this.who(message), message.text);
    item.dataset.id = message.id;
    this.citations(item, message.citations);
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const text = this.input.value.trim();
    if (text === '' || this.busy) return;
    this.input.value = '';
    await this.send(text, newId());
  }

  private async send(text: string, clientMessageId: string, pending?: HTMLLIElement, retried = false): Promise<void> {
    this.busy = true;
    this.sendButton.disabled = true;
    this.error.hidden = true;
    const own = pending ?? this.bubble('customer', this.t.you, text).item;
    own.classList.add('pending');
    this.typing.hidden = false;
    // Screen readers hear the finished reply once, not every streamed fragment.
    this.log.setAttribute('aria-busy', 'true');
    let streaming: { item: HTMLLIElement; body: HTMLSpanElement } | undefined;
    try {
      const stored = await this.ensureConversation();
      const response = await fetch(`${BASE}/v1/conversations/${encodeURIComponent(stored.id)}/messages`, {
        method: 'POST',
        headers: { authorization: `Bearer ${stored.token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
        body: JSON.stringify({ text, clientMessageId }),
      });
      if (!response.ok || response.body === null) {
        const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(response.status, payload?.error?.code ?? 'http', payload?.error?.message ?? response.statusText);
      }
      let result: PostResult | undefined;
      let failure: string | undefined;
      await readEventStream(response.body, (message) => {
        if (message.event === 'token') {
          const piece = (JSON.parse(message.data) as { text: string }).text;
          this.typing.hidden = true;
          streaming ??= this.bubble('bot', this.t.bot, '');
          streaming.body.textContent += piece;
        } else if (message.event === 'reply') result = JSON.parse(message.data) as PostResult;
        else if (message.event === 'error') failure = (JSON.parse(message.data) as { error: { message: string } }).error.message;
      });
      if (result === undefined) throw new ApiError(0, 'stream', failure ?? this.t.sendFailed);
      own.classList.remove('pending');
      own.dataset.id = result.message.id;
      this.seen.add(result.message.id);
      const reply = result.reply;
      if (reply === null) streaming?.item.remove();
      else {
        this.setLang(reply.lang);
        streaming ??= this.bubble('bot', this.t.bot, '');
        streaming.body.textContent = reply.text;
        streaming.item.dataset.id = reply.id;
        streaming.item.dataset.action = reply.action ?? 'answer';
        this.seen.add(reply.id);
        this.citations(streaming.item, reply.citations);
        if (reply.action === 'handoff') await this.onStatus({ status: 'waiting' });
      }
    } catch (error) {
      streaming?.item.remove();
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404) && this.stored !== undefined && !retried) {
        // The stored conversation is gone (another device, a wiped database): start a new one, once.
        this.reset();
        this.busy = false;
        this.log.removeAttribute('aria-busy');
        return this.send(text, clientMessageId, undefined, true);
      }
      const message = error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.message : this.t.sendFailed;
      this.showError(message, () => void this.send(text, clientMessageId, own));
    } finally {
      this.log.removeAttribute('aria-busy');
      this.typing.hidden = true;
      this.busy = false;
      this.sendButton.disabled = false;
    }
  }
}

function mount(): void {
  const mode = script?.dataset.mode === 'inline' ? 'inline' : 'floating';
  const lang = uiLang(script?.dataset.lang ?? (document.documentElement.lang || navigator.language));
  const target = mode === 'inline' && script?.dataset.target !== undefined ? document.querySelector<HTMLElement>(script.dataset.target) : null;
  const host = target ?? document.body.appendChild(document.createElement('div'));
  host.classList.add('firstline-widget');
  new ChatWidget(host, target === null ? 'floating' : mode, lang);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
else mount();
