// The bot's reply as it streams into the log: a bubble that grows with each piece, then takes the final text, its
// citations, its action and a clarifying question's options; or disappears when no reply comes. Runtime: browser.
import type { BotReply } from '../api-types.ts';
import type { Bubble, MessageLog } from './message-log.ts';

const BOT = { key: 'bot' } as const;

export class StreamingReply {
  private bubble: Bubble | undefined;

  /** The bubble's label follows the widget's language, also when it changes with this very reply. */
  constructor(private readonly log: MessageLog) {}

  append(piece: string): void {
    this.bubble ??= this.log.bubble('bot', BOT, '');
    this.bubble.body.textContent += piece;
  }

  finish(reply: BotReply): void {
    this.bubble ??= this.log.bubble('bot', BOT, '');
    this.bubble.body.textContent = reply.text;
    this.bubble.item.dataset.id = reply.id;
    this.bubble.item.dataset.action = reply.action ?? 'answer';
    this.log.markSeen(reply.id);
    this.log.citations(this.bubble.item, reply.citations);
    if (reply.action === 'clarify') this.log.choicesFor(this.bubble.item, reply.options);
  }

  discard(): void {
    this.bubble?.item.remove();
  }
}
