// What a closed floating widget shows when a message arrives over the live feed (a reply can take half an hour):
// a count on the launcher, a dismissible preview of the newest message beside it, the count in the host page's
// title, and a short chime where the browser allows sound; all until the customer opens the panel. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';
import { h } from '../dom.ts';

const PREVIEW_CHARACTERS = 140;

export class UnreadAlert {
  readonly badge = h('span', { className: 'badge', 'aria-hidden': 'true', hidden: true });
  readonly preview: HTMLElement;
  private readonly previewText = h('button', { type: 'button', className: 'preview-text' });
  private readonly dismiss = h('button', { type: 'button', className: 'preview-close' }, '×');
  private count = 0;
  private latest = '';
  /** The host page's own title, kept while the widget shows its count there. */
  private pageTitle: string | undefined;

  /** `strings` gives the widget's current language; `open` opens the panel. */
  constructor(
    private readonly strings: () => UiStrings,
    open: () => void,
  ) {
    this.previewText.addEventListener('click', open);
    this.dismiss.addEventListener('click', () => {
      this.preview.hidden = true;
    });
    this.preview = h('div', { className: 'preview', role: 'status', hidden: true }, this.previewText, this.dismiss);
  }

  /** A message arrived while the panel is closed: `who` wrote `text`. */
  add(who: string, text: string): void {
    this.count += 1;
    const flat = text.replace(/\s+/g, ' ').trim();
    const short = flat.length > PREVIEW_CHARACTERS ? `${flat.slice(0, PREVIEW_CHARACTERS - 1)}…` : flat;
    this.latest = who === '' ? short : `${who}: ${short}`;
    this.pageTitle ??= document.title;
    this.preview.hidden = false;
    this.render();
    chime();
  }

  /** The customer opened the panel: everything is read, the page gets its title back. */
  clear(): void {
    if (this.count === 0) return;
    this.count = 0;
    if (this.pageTitle !== undefined) document.title = this.pageTitle;
    this.pageTitle = undefined;
    this.preview.hidden = true;
    this.render();
  }

  /** Shows the count and the preview in the current language (again after the language changes). */
  render(): void {
    const t = this.strings();
    const unread = this.count > 0;
    this.badge.hidden = !unread;
    this.badge.textContent = String(this.count);
    this.previewText.textContent = this.latest;
    this.previewText.setAttribute('aria-label', `${fill(t.unreadCount, { count: this.count })}. ${this.latest}`);
    this.dismiss.setAttribute('aria-label', t.previewDismiss);
    if (unread) document.title = fill(t.unreadTitle, { count: this.count });
  }
}

/**
 * A short, quiet tone, only once the customer has interacted with the page: before that browsers refuse to start
 * audio (and warn in the console), so the widget does not try.
 */
function chime(): void {
  if (navigator.userActivation?.hasBeenActive !== true || typeof AudioContext !== 'function') return;
  try {
    const context = new AudioContext();
    const tone = context.createOscillator();
    const gain = context.createGain();
    tone.frequency.value = 880;
    gain.gain.setValueAtTime(0.04, context.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, context.currentTime + 0.25);
    tone.connect(gain).connect(context.destination);
    tone.onended = () => void context.close();
    tone.start();
    tone.stop(context.currentTime + 0.25);
  } catch {
    // No sound is fine: the badge, the preview and the title still tell.
  }
}
