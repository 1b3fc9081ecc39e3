// The open ticket's view: slots redrawn from data only when their data changed (banner, summary, actions,
// transcript, notes), and the reply box and note form, which live as long as the open ticket, so live updates
// never take focus or text away from the agent. Two columns: the summary and notes beside the conversation, whose
// transcript scrolls in its own box above the reply box, so the latest messages and the reply are seen together.
// An action's error stays beside its control until dismissed or until the action succeeds. Runtime: browser.
import type { TicketDetails } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { ActionError } from './action-error.ts';
import { followBottom, type BottomFollower } from './follow-bottom.ts';
import { notesList, summaryCard, transcriptList } from './ticket-cards.ts';
import { ticketBanner } from './ticket-banner.ts';
import { CustomerTypingIndicator } from './typing-indicator.ts';
import { replyFiles } from './attachments.ts';
import type { LoadAttachment } from '../attachment-view.ts';

/** Where an action's error is shown: beside the reply box, the note form, or the ticket's buttons. */
export type ErrorPlace = 'reply' | 'note' | 'actions';

interface Slots {
  readonly id: string;
  readonly heading: HTMLHeadingElement;
  readonly banner: HTMLElement;
  readonly summary: HTMLElement;
  readonly actions: HTMLElement;
  readonly composer: HTMLElement;
  readonly send: HTMLButtonElement;
  readonly suggest: HTMLButtonElement;
  readonly notYours: HTMLElement;
  readonly transcript: HTMLElement;
  /** Keeps the transcript at its newest message unless the agent scrolled up to read. */
  readonly follow: BottomFollower;
  readonly notes: HTMLElement;
  readonly errors: Readonly<Record<ErrorPlace, ActionError>>;
  /** What each slot was last drawn from, so unchanged slots are left alone. */
  readonly drawn: Record<string, string>;
}

export interface PaneHandlers {
  readonly sendReply: () => void;
  /** Drafts a reply for the ticket, reporting in `status`. */
  readonly suggest: (id: string, status: HTMLElement) => void;
  /** Adds a note; true when it was added. */
  readonly addNote: (text: string) => Promise<boolean>;
  /** Fetches a transcript's file with the agent's token. */
  readonly loadFile?: LoadAttachment | undefined;
}

export class TicketPane {
  readonly view = h('section', { className: 'ticket-view', 'aria-label': t.summary });
  readonly reply = h('textarea', { id: 'reply-text', 'aria-describedby': 'reply-hint' });
  readonly note = h('textarea', { id: 'note-text' });
  /** Loading a ticket failed (say, a link to one that does not exist). */
  readonly openError = new ActionError('open-error');
  /** "Customer is typing…" under the open ticket's transcript. */
  readonly customerTyping = new CustomerTypingIndicator();
  /** Files for the reply, uploaded to the open ticket when it is sent. */
  readonly files = replyFiles((text) => this.slots?.errors.reply.show(text));
  private readonly body = h('div', { className: 'ticket-body' });
  /** Unsent replies and notes of the tickets the agent left, so switching tickets loses no text. */
  private readonly drafts = new Map<string, { readonly reply: string; readonly note: string }>();
  private slots: Slots | undefined;

  /** `context`, when given, heads the side column of every ticket (the customer context sidebar). */
  constructor(
    private readonly handlers: PaneHandlers,
    private readonly context?: Node,
  ) {
    this.view.append(this.openError.view, this.body);
    this.reply.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        handlers.sendReply();
      }
    });
  }

  /** The ticket shown, if any. */
  get openId(): string | undefined {
    return this.slots?.id;
  }

  /** The open ticket's error beside `place`. */
  error(place: ErrorPlace): ActionError | undefined {
    return this.slots?.errors[place];
  }

  showPlaceholder(): void {
    this.keepDraft();
    this.slots?.follow.stop();
    this.slots = undefined;
    this.body.replaceChildren(h('p', { className: 'card' }, t.selectTicket));
  }

  /** Forgets the ticket shown and every draft (signed out): the next agent starts afresh. */
  close(): void {
    this.slots?.follow.stop();
    this.slots = undefined;
    this.drafts.clear();
    this.reply.value = '';
    this.note.value = '';
    this.openError.clear();
  }

  /** Shows the ticket, building the view when another ticket was open; `actions` draws its buttons. */
  show(id: string, details: TicketDetails, mine: boolean, actions: () => Node | null, focus: boolean): void {
    if (this.slots?.id !== id) this.slots = this.build(id);
    this.openError.clear();
    this.render(this.slots, details, mine, actions);
    if (focus) this.slots.heading.focus();
  }

  private keepDraft(): void {
    if (this.slots === undefined) return;
    const draft = { reply: this.reply.value, note: this.note.value };
    if (draft.reply.trim() === '' && draft.note.trim() === '') this.drafts.delete(this.slots.id);
    else this.drafts.set(this.slots.id, draft);
  }

  private build(id: string): Slots {
    this.keepDraft();
    this.slots?.follow.stop();
    this.customerTyping.hide();
    const draft = this.drafts.get(id);
    this.files.clear();
    this.reply.value = draft?.reply ?? '';
    this.note.value = draft?.note ?? '';
    const errors = {
      reply: new ActionError('reply-error'),
      note: new ActionError('note-error'),
      actions: new ActionError('actions-error'),
    };
    const suggestStatus = h('span', { className: 'hint', role: 'status' });
    const suggest = h(
      'button',
      { type: 'button', className: 'secondary', onclick: () => this.handlers.suggest(id, suggestStatus) },
      t.suggest,
    );
    const send = h(
      'button',
      { type: 'button', className: 'primary', onclick: () => this.handlers.sendReply() },
      t.send,
    );
    const notYours = h('p', { className: 'hint', hidden: true }, t.replyNotYours);
    const composer = h(
      'section',
      { className: 'card composer', 'aria-label': t.reply, hidden: true },
      h('label', { for: 'reply-text' }, t.reply),
      this.reply,
      this.files.list,
      this.files.input,
      errors.reply.view,
      notYours,
      h(
        'div',
        { className: 'row' },
        send,
        this.files.button,
        suggest,
        h('span', { id: 'reply-hint', className: 'hint' }, t.replyHint),
        suggestStatus,
      ),
    );
    const notes = h('div', {});
    const addNote = (event: Event) => {
      event.preventDefault();
      const value = this.note.value.trim();
      if (value === '') return;
      // A note that failed keeps its text; one added after the agent moved on clears nothing of the other ticket.
      void this.handlers.addNote(value).then((done) => {
        if (done && this.slots?.id === id) this.note.value = '';
      });
    };
    const noteForm = h(
      'form',
      { onsubmit: addNote },
      h('label', { for: 'note-text' }, t.noteLabel),
      this.note,
      errors.note.view,
      h('button', { type: 'submit', className: 'secondary' }, t.addNote),
    );
    const transcript = h('div', {});
    const transcriptBox = h('div', {
      className: 'transcript-scroll',
      tabindex: 0,
      'aria-labelledby': 'transcript-title',
    });
    transcriptBox.append(transcript);
    const slots: Slots = {
      id,
      heading: h('h2', { tabindex: -1, className: 'sr-only' }),
      banner: h('div', {}),
      summary: h('div', {}),
      actions: h('div', { className: 'actions card' }),
      composer,
      send,
      suggest,
      notYours,
      transcript,
      follow: followBottom(transcriptBox),
      notes,
      errors,
      drawn: {},
    };
    this.body.replaceChildren(
      slots.heading,
      h(
        'div',
        { className: 'ticket-columns' },
        h(
          'div',
          { className: 'ticket-side' },
          this.context,
          slots.summary,
          h(
            'section',
            { className: 'card notes', 'aria-labelledby': 'notes-title' },
            h('h3', { id: 'notes-title' }, t.notes),
            notes,
            noteForm,
          ),
        ),
        h(
          'div',
          { className: 'ticket-main' },
          slots.banner,
          slots.actions,
          errors.actions.view,
          h(
            'section',
            { className: 'card transcript-card', 'aria-labelledby': 'transcript-title' },
            h('h3', { id: 'transcript-title' }, t.transcript),
            transcriptBox,
            this.customerTyping.view,
          ),
          composer,
        ),
      ),
    );
    return slots;
  }

  /** Redraws only the slots whose data changed; the reply box and note form are never rebuilt. */
  private render(slots: Slots, details: TicketDetails, mine: boolean, actions: () => Node | null): void {
    const { ticket } = details;
    const draw = (slot: keyof Slots & string, key: string, render: () => Node | null) => {
      if (slots.drawn[slot] === key) return;
      slots.drawn[slot] = key;
      const element = slots[slot] as HTMLElement;
      const node = render();
      element.replaceChildren(...(node === null ? [] : [node]));
    };
    slots.heading.textContent = `${t.summary}: ${ticket.summary.problem}`;
    draw('banner', `${ticket.status}|${ticket.assigneeId}|${mine}`, () => ticketBanner(ticket, mine));
    draw(
      'summary',
      JSON.stringify([ticket.summary, ticket.status, ticket.group, ticket.priority, details.transcript.length]),
      () => summaryCard(details),
    );
    draw('actions', `${ticket.status}|${ticket.assigneeId}|${ticket.group}|${mine}`, actions);
    slots.actions.hidden = slots.actions.childElementCount === 0;
    // A reply that could not be sent stays in view with its text and error, though it can no longer be sent.
    slots.composer.hidden = !mine && this.reply.value.trim() === '' && !slots.errors.reply.shown;
    slots.send.disabled = !mine;
    slots.suggest.disabled = !mine;
    slots.notYours.hidden = mine;
    draw('transcript', details.transcript.map((message) => message.id).join(','), () =>
      transcriptList(details.transcript, this.handlers.loadFile),
    );
    slots.follow.stick();
    draw('notes', details.notes.map((note) => note.id).join(','), () => notesList(details.notes));
  }
}
