// The open ticket's view: slots redrawn from data only when their data changed (banner, summary, actions,
// transcript, notes), and the reply box and note form, which live as long as the open ticket, so live updates
// never take focus or text away from the agent. Runtime: browser.
import { fill } from '../../i18n.ts';
import type { TicketDetails } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { notesList, summaryCard, transcriptList } from './ticket-cards.ts';

interface Slots {
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

export interface PaneHandlers {
  readonly sendReply: () => void;
  /** Drafts a reply for the ticket, reporting in `status`. */
  readonly suggest: (id: string, status: HTMLElement) => void;
  /** Adds a note; true when it was added. */
  readonly addNote: (text: string) => Promise<boolean>;
}

export class TicketPane {
  readonly view = h('section', { className: 'ticket-view', 'aria-label': t.summary });
  readonly reply = h('textarea', { id: 'reply-text', 'aria-describedby': 'reply-hint' });
  readonly note = h('textarea', { id: 'note-text' });
  private slots: Slots | undefined;

  constructor(private readonly handlers: PaneHandlers) {
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

  showPlaceholder(): void {
    this.view.replaceChildren(h('p', { className: 'card' }, t.selectTicket));
  }

  /** Forgets the ticket shown (signed out): the next one is built afresh. */
  close(): void {
    this.slots = undefined;
  }

  /** Shows the ticket, building the view when another ticket was open; `actions` draws its buttons. */
  show(id: string, details: TicketDetails, mine: boolean, actions: () => Node | null, focus: boolean): void {
    if (this.slots?.id !== id) this.slots = this.build(id);
    this.render(this.slots, details, mine, actions);
    if (focus) this.slots.heading.focus();
  }

  private build(id: string): Slots {
    this.reply.value = '';
    this.note.value = '';
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
    const composer = h(
      'section',
      { className: 'card composer', 'aria-label': t.reply, hidden: true },
      h('label', { for: 'reply-text' }, t.reply),
      this.reply,
      h(
        'div',
        { className: 'row' },
        send,
        suggest,
        h('span', { id: 'reply-hint', className: 'hint' }, t.replyHint),
        suggestStatus,
      ),
    );
    const notes = h('div', {});
    const addNote = (event: Event) => {
      event.preventDefault();
      const value = this.note.value.trim();
      if (value !== '') void this.handlers.addNote(value).then((done) => done && (this.note.value = ''));
    };
    const noteForm = h(
      'form',
      { onsubmit: addNote },
      h('label', { for: 'note-text' }, t.noteLabel),
      this.note,
      h('button', { type: 'submit', className: 'secondary' }, t.addNote),
    );
    const slots: Slots = {
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
      slots.heading,
      slots.banner,
      slots.summary,
      slots.actions,
      composer,
      h(
        'section',
        { className: 'card', 'aria-labelledby': 'transcript-title' },
        h('h3', { id: 'transcript-title' }, t.transcript),
        slots.transcript,
      ),
      h(
        'section',
        { className: 'card notes', 'aria-labelledby': 'notes-title' },
        h('h3', { id: 'notes-title' }, t.notes),
        notes,
        noteForm,
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
    const claimedByOther = () => fill(t.claimedByOther, { name: ticket.assigneeName ?? '?' });
    draw('banner', `${ticket.status}|${ticket.assigneeId}`, () =>
      ticket.status === 'assigned' && !mine
        ? h('p', { className: 'banner', role: 'status', 'data-testid': 'claimed-banner' }, claimedByOther())
        : null,
    );
    draw(
      'summary',
      JSON.stringify([ticket.summary, ticket.status, ticket.group, ticket.priority, details.transcript.length]),
      () => summaryCard(details),
    );
    draw('actions', `${ticket.status}|${ticket.assigneeId}|${ticket.group}`, actions);
    slots.actions.hidden = slots.actions.childElementCount === 0;
    slots.composer.hidden = !mine;
    draw('transcript', details.transcript.map((message) => message.id).join(','), () =>
      transcriptList(details.transcript),
    );
    draw('notes', details.notes.map((note) => note.id).join(','), () => notesList(details.notes));
  }
}
