// Keyboard shortcuts of the agent console: j/k next and previous ticket in the queue, c claim the open ticket, n the
// note box, r the reply box, e the resolve control (focused, never resolved blindly), ? a help overlay listing them.
// They press the console's own buttons and focus its own fields, so nothing here repeats the console's logic; they
// never fire while the agent types in a field or holds Ctrl, Meta or Alt. Letters are matched by key and by physical
// key, so they work on a Russian layout too. Runtime: browser.
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';

type Command = 'next' | 'previous' | 'claim' | 'note' | 'reply' | 'resolve' | 'help';

/** The key as typed, its key on a Latin layout (`KeyJ`), and what it does, in the order the help lists them. */
const SHORTCUTS: ReadonlyArray<{ key: string; code?: string; command: Command; label: () => string }> = [
  { key: 'j', code: 'KeyJ', command: 'next', label: () => t.shortcutNext },
  { key: 'k', code: 'KeyK', command: 'previous', label: () => t.shortcutPrevious },
  { key: 'c', code: 'KeyC', command: 'claim', label: () => t.shortcutClaim },
  { key: 'r', code: 'KeyR', command: 'reply', label: () => t.shortcutReply },
  { key: 'n', code: 'KeyN', command: 'note', label: () => t.shortcutNote },
  { key: 'e', code: 'KeyE', command: 'resolve', label: () => t.shortcutResolve },
  { key: '?', command: 'help', label: () => t.shortcutHelp },
];

/** Where the agent is typing: shortcuts stay out of the way. */
function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target.isContentEditable
  );
}

function commandOf(event: KeyboardEvent): Command | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return undefined;
  const key = event.key.toLowerCase();
  return SHORTCUTS.find(
    (shortcut) =>
      shortcut.key === key || (shortcut.code !== undefined && shortcut.code === event.code && !event.shiftKey),
  )?.command;
}

/** Opens the ticket `step` places from the focused or open one in the queue, and keeps the focus there. */
function moveInQueue(step: 1 | -1): void {
  const items = [...document.querySelectorAll<HTMLButtonElement>('.ticket-item')];
  if (items.length === 0) return;
  const focused = items.findIndex((item) => item === document.activeElement);
  const current = focused >= 0 ? focused : items.findIndex((item) => item.getAttribute('aria-current') === 'true');
  const next = current < 0 ? 0 : Math.min(items.length - 1, Math.max(0, current + step));
  const item = items[next];
  if (item === undefined) return;
  item.click();
  item.focus();
}

/** The open ticket's claim button, found by its label among the ticket's actions. */
function claimButton(): HTMLButtonElement | undefined {
  return [...document.querySelectorAll<HTMLButtonElement>('.actions button')].find(
    (button) => button.textContent === t.claim && !button.disabled,
  );
}

function focusVisible(element: HTMLElement | null): void {
  if (element === null || element.closest('[hidden]') !== null) return;
  element.focus();
  element.scrollIntoView({ block: 'nearest' });
}

function helpOverlay(onClose: () => void): HTMLElement {
  const rows = SHORTCUTS.map((shortcut) => [h('dt', {}, h('kbd', {}, shortcut.key)), h('dd', {}, shortcut.label())]);
  return h(
    'div',
    {
      id: 'shortcuts-help',
      className: 'shortcuts-help card',
      role: 'dialog',
      'aria-labelledby': 'shortcuts-title',
      tabindex: -1,
      hidden: true,
    },
    h('h2', { id: 'shortcuts-title' }, t.shortcutsTitle),
    h('dl', {}, rows.flat(), h('dt', {}, h('kbd', {}, '/')), h('dd', {}, t.shortcutMacros)),
    h('p', { className: 'hint' }, t.shortcutsNote),
    h('button', { type: 'button', className: 'secondary', onclick: onClose }, t.close),
  );
}

export interface KeyboardShortcuts {
  /** Shows or hides the list of shortcuts. */
  toggleHelp(): void;
}

/** Listens on the whole page; the help overlay is added to `document.body` once. */
export function attachKeyboardShortcuts(): KeyboardShortcuts {
  let returnFocus: HTMLElement | null = null;
  const hideHelp = () => {
    help.hidden = true;
    returnFocus?.focus();
    returnFocus = null;
  };
  const help = helpOverlay(hideHelp);
  document.body.append(help);
  const toggleHelp = () => {
    if (!help.hidden) return hideHelp();
    returnFocus = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    help.hidden = false;
    help.focus();
  };
  const run: Record<Command, () => void> = {
    next: () => moveInQueue(1),
    previous: () => moveInQueue(-1),
    claim: () => claimButton()?.click(),
    reply: () => focusVisible(document.getElementById('reply-text')),
    note: () => focusVisible(document.getElementById('note-text')),
    resolve: () => focusVisible(document.getElementById('resolution')),
    help: toggleHelp,
  };
  document.addEventListener('keydown', (event) => {
    if (event.defaultPrevented || typing(event.target)) return;
    if (event.key === 'Escape' && !help.hidden) {
      event.preventDefault();
      hideHelp();
      return;
    }
    const command = commandOf(event);
    if (command === undefined) return;
    event.preventDefault();
    run[command]();
  });
  return { toggleHelp };
}
