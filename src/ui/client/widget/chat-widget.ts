// The customer chat widget: keeps the conversation across reloads, streams replies, shows citations, the handoff
// notice, live agent messages and the rating form. Runtime: browser.
import { STRINGS, type UiLang, type UiStrings } from '../../i18n.ts';
import { ApiError } from '../api.ts';
import type { ClarifyOption, FeedStatus, QueueStanding } from '../api-types.ts';
import { newClientMessageId } from './client-message-id.ts';
import { conversationApi, type ConversationApi } from './conversation-api.ts';
import { ConversationFeed } from './live-feed.ts';
import { MessageLog } from './message-log.ts';
import { showRatingForm } from './rating-form.ts';
import { streamReply } from './reply-stream.ts';
import { noticeText, statusText } from './status-notice.ts';
import { loadConversation, saveConversation, type StoredConversation } from './stored-conversation.ts';
import { StreamingReply } from './streaming-reply.ts';
import { WidgetShell, type WidgetMode } from './widget-shell.ts';

/** A message on its way: the text, its idempotency key, and the option a quick-reply button picked. */
interface Outgoing {
  readonly text: string;
  readonly clientMessageId: string;
  readonly optionId?: string | undefined;
}

export class ChatWidget {
  private lang: UiLang;
  private t: UiStrings;
  private stored: StoredConversation | undefined;
  private status = 'bot';
  private busy = false;
  private statusSequence = 0;
  private readonly api: ConversationApi;
  private readonly storageKey: string;
  private readonly shell: WidgetShell;
  private readonly log: MessageLog;
  private readonly feed: ConversationFeed;

  /** `base` is the origin of the API: where the script came from. */
  constructor(
    host: HTMLElement,
    private readonly mode: WidgetMode,
    lang: UiLang,
    base: string,
  ) {
    this.lang = lang;
    this.t = STRINGS[lang];
    this.api = conversationApi(base);
    this.storageKey = `firstline:conversation:${base}`;
    this.shell = new WidgetShell(host, mode, {
      onSubmit: (event) => void this.onSubmit(event),
      onToggle: () => this.updateFollowing(),
    });
    this.log = new MessageLog(
      this.shell.log,
      base,
      () => this.t,
      (option) => void this.choose(option),
    );
    this.feed = new ConversationFeed(this.api, {
      onProgress: () => this.save(),
      onMessage: (message) => this.log.render(message),
      onStatus: (status) => void this.onStatus(status),
    });
    this.applyLang();
    this.stored = loadConversation(this.storageKey);
    if (this.stored === undefined) this.log.welcome();
    else void this.restore();
  }

  private applyLang(): void {
    this.shell.applyLang(this.t, this.lang, statusText(this.t, this.status));
  }

  /** The customer writes in another language than the page: the widget follows the customer. */
  private setLang(lang: UiLang | null | undefined): void {
    if (lang === undefined || lang === null || lang === this.lang) return;
    this.lang = lang;
    this.t = STRINGS[lang];
    this.applyLang();
  }

  private save(): void {
    saveConversation(this.storageKey, this.stored);
  }

  /**
   * A live feed costs a connection and server polling, so a closed floating widget follows only while a
   * person is involved; an open or inline one always does.
   */
  private updateFollowing(): void {
    const stored = this.stored;
    const wanted =
      stored !== undefined && (this.mode === 'inline' || !this.shell.panel.hidden || this.status !== 'bot');
    if (wanted && !this.feed.active) this.feed.start(stored);
    if (!wanted && this.feed.active) this.feed.stop();
  }

  private async restore(): Promise<void> {
    const stored = this.stored;
    if (stored === undefined) return;
    // Sending waits for the transcript, so a message cannot be rendered twice.
    this.busy = true;
    try {
      const conversation = await this.api.read(stored);
      this.setLang(conversation.lang);
      if (conversation.messages.length === 0) this.log.welcome();
      for (const message of conversation.messages) this.log.render(message);
      this.showStatus(conversation.status, conversation.queue);
      this.updateFollowing();
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
        this.reset();
        return;
      }
      this.shell.showError(this.t.sendFailed, { label: this.t.retry, run: () => void this.restore() });
    } finally {
      this.busy = false;
    }
  }

  private reset(): void {
    this.feed.stop();
    this.stored = undefined;
    this.save();
    this.log.clear();
    this.shell.notice.hidden = true;
    this.shell.rating.hidden = true;
    this.status = 'bot';
    this.shell.state.textContent = statusText(this.t, this.status);
    this.log.welcome();
  }

  private async ensureConversation(): Promise<StoredConversation> {
    if (this.stored !== undefined) return this.stored;
    const created = await this.api.open({ lang: this.lang, channel: 'web' });
    this.stored = { id: created.id, token: created.token };
    this.save();
    this.updateFollowing();
    return this.stored;
  }

  private async onStatus(data: Pick<FeedStatus, 'status' | 'agent' | 'notice'>): Promise<void> {
    const status = data.status;
    // A specialist handed the conversation back: the customer reads it in the conversation, not only as a status.
    if (data.notice !== undefined) this.log.note(undefined, data.notice);
    if (status === 'waiting' || status === 'transferred') {
      const stored = this.stored;
      const sequence = (this.statusSequence += 1);
      const view = stored === undefined ? undefined : await this.api.read(stored).catch(() => undefined);
      // A claim may have arrived while the queue position was loading: the newer status wins.
      if (sequence !== this.statusSequence) return;
      this.showStatus(view?.status ?? status, view?.queue ?? null);
    } else {
      this.statusSequence += 1;
      this.showStatus(status, null, data.agent?.name);
    }
  }

  private showStatus(status: string, queue: QueueStanding | null, agentName?: string): void {
    const { notice, rating } = this.shell;
    this.status = status;
    this.shell.state.textContent = statusText(this.t, status);
    const text = noticeText(this.t, this.lang, status, queue, agentName);
    const queued = status === 'waiting' || status === 'transferred';
    notice.setAttribute('aria-live', queued ? 'off' : 'polite');
    notice.textContent = text;
    notice.hidden = text === '';
    if (status === 'resolved' && this.stored?.rated !== true) this.showRating();
    this.updateFollowing();
    if (status === 'bot') rating.hidden = true;
  }

  private showRating(): void {
    showRatingForm(this.shell.rating, this.t, {
      send: (rating) => (this.stored === undefined ? undefined : this.api.rate(this.stored, rating)),
      onRated: () => {
        if (this.stored !== undefined) this.stored.rated = true;
        this.save();
      },
      onNewConversation: () => {
        this.reset();
        this.shell.input.focus();
      },
      onError: (message) => this.shell.showError(message),
    });
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.shell.input;
    const text = input.value.trim();
    if (text === '' || this.busy) return;
    input.value = '';
    await this.send({ text, clientMessageId: newClientMessageId() });
  }

  /** A quick-reply button: its label goes as the customer's text, its id tells the bot which option it is. */
  private async choose(option: ClarifyOption): Promise<void> {
    if (this.busy) return;
    await this.send({ text: option.label, clientMessageId: newClientMessageId(), optionId: option.id });
  }

  private async send(outgoing: Outgoing, pending?: HTMLLIElement, retried = false): Promise<void> {
    const { text, clientMessageId, optionId } = outgoing;
    const { sendButton, typing } = this.shell;
    this.busy = true;
    sendButton.disabled = true;
    this.shell.error.hidden = true;
    const own = pending ?? this.log.bubble('customer', this.t.you, text).item;
    own.classList.add('pending');
    typing.hidden = false;
    this.log.setBusy(true);
    const streaming = new StreamingReply(this.log, () => this.t.bot);
    try {
      const stored = await this.ensureConversation();
      const onToken = (piece: string) => {
        typing.hidden = true;
        streaming.append(piece);
      };
      const url = this.api.messagesUrl(stored);
      const result = await streamReply({
        url,
        token: stored.token,
        text,
        clientMessageId,
        optionId,
        onToken,
        fallbackError: this.t.sendFailed,
      });
      own.classList.remove('pending');
      own.dataset.id = result.message.id;
      this.log.markSeen(result.message.id);
      const reply = result.reply;
      if (result.notice !== undefined) this.log.note(result.notice.id, result.notice.text);
      if (reply === null) streaming.discard();
      else {
        this.setLang(reply.lang);
        streaming.finish(reply);
        if (reply.action === 'handoff') await this.onStatus({ status: 'waiting' });
      }
    } catch (error) {
      streaming.discard();
      if (
        error instanceof ApiError &&
        (error.status === 401 || error.status === 403 || error.status === 404) &&
        this.stored !== undefined &&
        !retried
      ) {
        // The stored conversation is gone (another device, a wiped database): start a new one, once.
        this.reset();
        this.busy = false;
        this.log.setBusy(false);
        return this.send(outgoing, undefined, true);
      }
      const message =
        error instanceof ApiError && error.status >= 400 && error.status < 500 ? error.message : this.t.sendFailed;
      this.shell.showError(message, { label: this.t.retry, run: () => void this.send(outgoing, own) });
    } finally {
      this.log.setBusy(false);
      typing.hidden = true;
      this.busy = false;
      sendButton.disabled = false;
    }
  }
}
