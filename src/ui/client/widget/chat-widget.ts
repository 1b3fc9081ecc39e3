// The customer chat widget: keeps the conversation across reloads, streams replies, shows citations, the handoff
// notice, live agent messages and the rating form. Runtime: browser.
import { STRINGS, type UiLang, type UiStrings } from '../../i18n.ts';
import { ApiError } from '../api.ts';
import type { ClarifyOption, FeedStatus, QueueStanding } from '../api-types.ts';
import { newClientMessageId } from './client-message-id.ts';
import { conversationApi, type ConversationApi } from './conversation-api.ts';
import type { CustomerClaim } from './host-identity.ts';
import { LengthCounter } from './length-counter.ts';
import { ConversationFeed } from './live-feed.ts';
import { MessageLog } from './message-log.ts';
import { showRatingForm } from './rating-form.ts';
import { streamReply } from './reply-stream.ts';
import { sendFailure } from './send-error.ts';
import { noticeText, statusText } from './status-notice.ts';
import { loadConversation, saveConversation, type StoredConversation } from './stored-conversation.ts';
import { StreamingReply } from './streaming-reply.ts';
import { TypingIndicator, TypingReporter } from './typing-indicator.ts';
import { WidgetShell, type WidgetMode } from './widget-shell.ts';
import { AttachmentPicker, uploadRefusal } from '../attachment-picker.ts';
import { attachmentList } from '../attachment-view.ts';
import { fetchAttachment } from '../attachment-api.ts';

/** A message on its way: the text, its idempotency key, and the option a quick-reply button picked. */
interface Outgoing {
  readonly text: string;
  readonly clientMessageId: string;
  readonly optionId?: string | undefined;
  /** Files uploaded for it (kept, so sending it again does not upload them again). */
  readonly attachmentIds?: readonly string[] | undefined;
}

export class ChatWidget {
  private lang: UiLang;
  private t: UiStrings;
  private stored: StoredConversation | undefined;
  private status = 'bot';
  private busy = false;
  private statusSequence = 0;
  /** What the notice under the log says, kept to say it again in another language. */
  private shown: { readonly queue: QueueStanding | null; readonly agentName?: string | undefined } = { queue: null };
  /** The last message that failed to send: sending the same text again reuses its idempotency key. */
  private failed: Outgoing | undefined;
  private readonly api: ConversationApi;
  private readonly storageKey: string;
  private readonly shell: WidgetShell;
  private readonly log: MessageLog;
  private readonly feed: ConversationFeed;
  private readonly counter: LengthCounter;
  private readonly agentTyping: TypingIndicator;
  private readonly typingReporter: TypingReporter;
  private readonly picker: AttachmentPicker;
  /** Files this widget sent, shown from memory rather than downloaded again. */
  private readonly sentFiles = new Map<string, Blob>();

  /**
   * `base` is the origin of the API: where the script came from; `maxLength` the server's MAX_TEXT_LENGTH as far
   * as the page knows it (a refusal as too long corrects it); `customer` who the host page says the customer is.
   */
  constructor(
    host: HTMLElement,
    private readonly mode: WidgetMode,
    lang: UiLang,
    base: string,
    maxLength: number,
    private readonly customer: () => CustomerClaim | undefined = () => undefined,
  ) {
    this.lang = lang;
    this.t = STRINGS[lang];
    this.api = conversationApi(base);
    this.storageKey = `firstline:conversation:${base}`;
    this.shell = new WidgetShell(
      host,
      mode,
      {
        onSubmit: (event) => void this.onSubmit(event),
        onToggle: () => this.updateFollowing(),
        onInput: () => this.onInput(),
      },
      () => this.t,
    );
    this.counter = new LengthCounter(this.shell.input, this.shell.counter, maxLength);
    this.picker = new AttachmentPicker(
      () => this.t,
      (refusal) => this.shell.showError(this.t, refusal),
    );
    this.shell.input.before(this.picker.button);
    this.shell.input.form?.prepend(this.picker.list, this.picker.input);
    this.picker.acceptFrom(this.shell.input);
    this.agentTyping = new TypingIndicator(this.t);
    this.shell.typing.after(this.agentTyping.view);
    // Only a person reads it: while the bot serves the customer nothing is sent.
    this.typingReporter = new TypingReporter((typing) =>
      this.stored === undefined || this.status === 'bot' || this.status === 'resolved'
        ? undefined
        : this.api.typing(this.stored, typing),
    );
    this.shell.input.addEventListener('blur', () => this.typingReporter.stop());
    this.log = new MessageLog(
      this.shell.log,
      base,
      () => this.t,
      (option) => void this.choose(option),
      (message) => attachmentList(message.attachments, this.t, (id) => this.loadFile(base, id)),
    );
    this.feed = new ConversationFeed(this.api, {
      onProgress: () => this.save(),
      onMessage: (message) => {
        this.agentTyping.hide();
        // The feed carries what others say (an agent): news for a customer who closed the widget.
        if (this.log.render(message)) this.alertUnread(this.log.who(message), message.text);
      },
      onTyping: (typing) => this.agentTyping.update(typing),
      onStatus: (status) => {
        if (status.notice !== undefined) this.alertUnread('', status.notice.text);
        void this.onStatus(status);
      },
    });
    this.applyLang();
    this.stored = loadConversation(this.storageKey);
    if (this.isSomeoneElses(customer()?.id)) this.stored = undefined;
    if (this.stored === undefined) this.log.welcome();
    else void this.restore();
  }

  /** A file's bytes: from memory when this widget sent it, else fetched with the conversation's token. */
  private loadFile(base: string, id: string): Promise<Blob> {
    const known = this.sentFiles.get(id);
    if (known !== undefined) return Promise.resolve(known);
    if (this.stored === undefined) return Promise.reject(new Error('no conversation'));
    return fetchAttachment(base, id, this.stored.token);
  }

  /** The host page named the customer (again): another person than the stored conversation's starts afresh. */
  identify(): void {
    if (this.isSomeoneElses(this.customer()?.id) && !this.busy) this.reset();
  }

  /** The stored conversation was opened for a named customer other than `id`. */
  private isSomeoneElses(id: string | undefined): boolean {
    const owner = this.stored?.customerId;
    return owner !== undefined && id !== undefined && owner !== id;
  }

  /** Tells the agents which page the customer is on, when it changed since they were last told. */
  private notePage(stored: StoredConversation): void {
    const page = location.href.slice(0, 2000);
    if (stored.page === page) return;
    void this.api
      .page(stored, page)
      .then(() => {
        stored.page = page;
        this.save();
      })
      .catch(() => undefined);
  }

  private applyLang(): void {
    this.shell.applyLang(this.t, this.lang, statusText(this.t, this.status));
    this.renderNotice();
    this.counter.update(this.t);
    this.agentTyping.relabel(this.t);
    this.picker.relabel();
  }

  /** A message came over the live feed: a closed floating widget tells the customer it is there. */
  private alertUnread(who: string, text: string): void {
    if (this.mode === 'floating' && this.shell.panel.hidden) this.shell.unread?.add(who, text);
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
      this.notePage(stored);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
        this.reset();
        return;
      }
      const { code } = sendFailure(error, 0, this.counter.max);
      this.shell.showError(this.t, { key: 'sendFailed', code }, { run: () => void this.restore() });
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
    const customer = this.customer();
    const page = location.href.slice(0, 2000);
    const body = { lang: this.lang, channel: 'web', page };
    const created = await this.api.open(customer === undefined ? body : { ...body, customer }).catch((error) => {
      // A profile the server will not take (malformed, or not signed where signing is required): chat anonymously.
      if (!(error instanceof ApiError) || !/^(bad_request:customer|forbidden:identity)/.test(error.code)) throw error;
      console.warn(`Firstline: the customer profile was refused (${error.message}); chatting without it`);
      return this.api.open(body);
    });
    this.stored = { id: created.id, token: created.token, page, customerId: customer?.id };
    this.save();
    this.updateFollowing();
    return this.stored;
  }

  private async onStatus(data: Pick<FeedStatus, 'status' | 'agent' | 'notice'>): Promise<void> {
    const status = data.status;
    // A specialist handed the conversation back: the customer reads it in the conversation, not only as a status.
    if (data.notice !== undefined) this.log.note(data.notice.messageId, data.notice.text);
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
    this.shown = { queue, agentName };
    this.shell.state.textContent = statusText(this.t, status);
    const queued = status === 'waiting' || status === 'transferred';
    notice.setAttribute('aria-live', queued ? 'off' : 'polite');
    this.renderNotice();
    if (status === 'resolved' && this.stored?.rated !== true) this.showRating();
    this.updateFollowing();
    if (status === 'bot') rating.hidden = true;
  }

  private renderNotice(): void {
    const { notice } = this.shell;
    const text = noticeText(this.t, this.lang, this.status, this.shown.queue, this.shown.agentName);
    notice.textContent = text;
    notice.hidden = text === '';
    // The notice takes room from the log: keep its newest message in view.
    this.shell.log.scrollTop = this.shell.log.scrollHeight;
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
      onError: (error) => {
        const { key, code } = sendFailure(error, 0, this.counter.max);
        this.shell.showError(this.t, { key, code });
      },
    });
  }

  private onInput(): void {
    this.counter.update(this.t);
    this.typingReporter.input(this.shell.input.value);
    this.shell.input.setAttribute('aria-invalid', String(this.counter.over));
    // The text was shortened enough: the warning about its length no longer applies.
    if (!this.counter.over && this.shell.error.querySelector('[data-t="errorTooLong"]') !== null)
      this.shell.error.hidden = true;
  }

  private async onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const text = this.shell.input.value.trim();
    if ((text === '' && this.picker.pending.length === 0) || this.busy) return;
    if (this.counter.over) {
      // The server would refuse it: say so now, and keep every typed character.
      const values = { length: this.counter.length, max: this.counter.max };
      this.shell.showError(this.t, { key: 'errorTooLong', values });
      this.shell.input.focus();
      return;
    }
    // The same text (and the same files, uploaded already) again: the same idempotency key.
    const failed = this.failed;
    const sameFiles = (failed?.attachmentIds !== undefined) === this.picker.pending.length > 0;
    const again = failed?.text === text && failed.optionId === undefined && sameFiles ? failed : undefined;
    await this.send(again ?? { text, clientMessageId: newClientMessageId() });
  }

  /** A quick-reply button: its label goes as the customer's text, its id tells the bot which option it is. */
  private async choose(option: ClarifyOption): Promise<void> {
    if (this.busy) return;
    await this.send({ text: option.label, clientMessageId: newClientMessageId(), optionId: option.id });
  }

  /**
   * Sends `outgoing`, shown at once as the customer's bubble. The composer is emptied while it goes; if it fails,
   * the bubble goes away and the typed text comes back into the composer (unless something new was typed there),
   * with a Retry button when sending it again can succeed.
   */
  private async send(outgoing: Outgoing, retried = false): Promise<void> {
    const { text, clientMessageId, optionId } = outgoing;
    const { sendButton, typing, input } = this.shell;
    this.typingReporter.stop();
    this.busy = true;
    sendButton.disabled = true;
    this.shell.error.hidden = true;
    if (optionId === undefined && input.value.trim() === text) input.value = '';
    this.counter.update(this.t);
    const own = this.log.bubble('customer', { key: 'you' }, text).item;
    own.classList.add('pending');
    const files = optionId === undefined ? [...this.picker.pending] : [];
    typing.hidden = false;
    this.log.setBusy(true);
    const streaming = new StreamingReply(this.log);
    try {
      const stored = await this.ensureConversation();
      this.notePage(stored);
      if (files.length > 0 && outgoing.attachmentIds === undefined) {
        const uploaded = await this.picker.upload(this.api.attachmentsUrl(stored), stored.token);
        for (const { attachment, file } of uploaded) this.sentFiles.set(attachment.id, file);
        outgoing = { ...outgoing, attachmentIds: uploaded.map(({ attachment }) => attachment.id) };
        const sent = uploaded.map(({ attachment }) => attachment);
        own.append(attachmentList(sent, this.t, (id) => this.loadFile('', id)) ?? '');
      }
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
        attachmentIds: outgoing.attachmentIds,
        onToken,
        fallbackError: this.t.sendFailed,
      });
      if (files.length > 0) this.picker.clear();
      own.classList.remove('pending');
      this.failed = undefined;
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
        return this.send(outgoing, true);
      }
      own.remove();
      this.failed = outgoing;
      if (optionId === undefined && input.value.trim() === '') input.value = text;
      const refusal = uploadRefusal(error);
      if (refusal !== undefined) {
        // The server refused a file: the message was not sent; the files stay listed to be removed or replaced.
        this.failed = undefined;
        this.shell.showError(this.t, refusal);
        return;
      }
      const failure = sendFailure(error, text.length, this.counter.max);
      if (failure.maxLength !== undefined) this.counter.setMax(failure.maxLength, this.t);
      this.counter.update(this.t);
      const retry = failure.retryable ? { run: () => void this.send(outgoing) } : undefined;
      this.shell.showError(this.t, failure, retry);
    } finally {
      this.log.setBusy(false);
      typing.hidden = true;
      this.busy = false;
      sendButton.disabled = false;
    }
  }
}
