// The composer's character counter: shown near the server's length limit and marked once over it, so a message
// that would be refused is never sent. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';

/** The counter appears from this share of the limit on. */
const SHOW_FROM = 0.9;

export class LengthCounter {
  /** `maxLength` is the server's MAX_TEXT_LENGTH as far as the widget knows it (trimmed text, UTF-16 units). */
  constructor(
    private readonly input: HTMLTextAreaElement,
    private readonly element: HTMLElement,
    private maxLength: number,
  ) {}

  get max(): number {
    return this.maxLength;
  }

  /** The length the server counts: the text without surrounding whitespace. */
  get length(): number {
    return this.input.value.trim().length;
  }

  get over(): boolean {
    return this.length > this.maxLength;
  }

  /** The server said its limit (in a refusal): the counter follows it from now on. */
  setMax(maxLength: number, t: UiStrings): void {
    this.maxLength = maxLength;
    this.update(t);
  }

  update(t: UiStrings): void {
    const length = this.length;
    this.element.hidden = length < this.maxLength * SHOW_FROM;
    this.element.textContent = fill(t.charCounter, { length, max: this.maxLength });
    this.element.classList.toggle('over', length > this.maxLength);
  }
}
