// Canned responses in the reply box: `/` at the start of the box or after a space opens a list of the ticket's
// language's macros, filtered by the words typed after it; arrows and Enter (or a click) insert the chosen one with
// its placeholders filled, in place of the `/words`; Escape closes the list and keeps the text (while the list is
// open Enter never sends). The box stays a textbox for assistive technology, pointing at the active option with
// aria-activedescendant. Runtime: browser.
import { fillPlaceholders, type PlaceholderValues } from '../../../core/macros/macro-placeholders.ts';
import type { Agent, Macro, Ticket } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import type { MacroLang } from '../macro-api.ts';

export interface MacroPickerContext {
  readonly lang: MacroLang;
  readonly values: PlaceholderValues;
}

export interface MacroPickerOptions {
  /** Macros of a language matching the words typed after `/`, best first. */
  readonly search: (lang: MacroLang, query: string) => Promise<readonly Macro[]>;
  /** The open ticket's language and placeholder values; undefined while no ticket is open. */
  readonly context: () => MacroPickerContext | undefined;
}

export interface MacroPicker {
  readonly isOpen: boolean;
  close(): void;
}

/** A `/` at the start or after whitespace, then words on the same line, up to the caret. */
const TRIGGER = /(?:^|\s)\/((?:\S[^\n/]*)?)$/;
const MAX_QUERY = 60;
const MAX_OPTIONS = 8;
const SEARCH_DELAY_MS = 80;

/** What fills a ticket's placeholders: the customer's and the agent's names and the ticket's id. */
export function macroContext(ticket: Ticket, agent: Agent | undefined): MacroPickerContext {
  return {
    lang: ticket.lang,
    values: { 'customer.name': ticket.customer.name, 'agent.name': agent?.name, 'ticket.id': ticket.id },
  };
}

/** Attaches the picker to the reply box; it lives as long as the box. */
export function attachMacroPicker(textarea: HTMLTextAreaElement, options: MacroPickerOptions): MacroPicker {
  const list = h('ul', { id: 'macro-list', role: 'listbox', 'aria-label': t.macroList, className: 'macro-list' });
  const none = h('p', { className: 'hint', role: 'status' });
  const view = h('div', { className: 'macro-picker', hidden: true }, list, none);
  let found: readonly Macro[] = [];
  let active = -1;
  /** Where the `/` of the open list is, and the one the agent dismissed with Escape. */
  let slash = -1;
  let dismissed = -1;
  let sequence = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    sequence += 1;
    clearTimeout(timer);
    view.hidden = true;
    found = [];
    active = -1;
    slash = -1;
    textarea.removeAttribute('aria-activedescendant');
    textarea.removeAttribute('aria-controls');
  };

  const setActive = (index: number) => {
    active = index;
    list.querySelectorAll<HTMLElement>('[role="option"]').forEach((option, position) => {
      option.setAttribute('aria-selected', String(position === index));
      if (position === index) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0) textarea.setAttribute('aria-activedescendant', `macro-option-${index}`);
    else textarea.removeAttribute('aria-activedescendant');
  };

  const insert = (macro: Macro) => {
    const context = options.context();
    const caret = textarea.selectionStart;
    if (slash < 0 || context === undefined) return close();
    const text = fillPlaceholders(macro.text, context.values);
    const before = textarea.value.slice(0, slash);
    textarea.value = `${before}${text}${textarea.value.slice(caret)}`;
    const at = before.length + text.length;
    textarea.setSelectionRange(at, at);
    close();
    textarea.focus();
  };

  const show = (macros: readonly Macro[], values: PlaceholderValues) => {
    found = macros.slice(0, MAX_OPTIONS);
    list.replaceChildren(
      ...found.map((macro, index) =>
        h(
          'li',
          {
            id: `macro-option-${index}`,
            role: 'option',
            'aria-selected': 'false',
            className: 'macro-option',
            // Keeps the focus (and the caret) in the reply box.
            onmousedown: (event) => event.preventDefault(),
            onclick: () => insert(macro),
          },
          h('strong', {}, macro.title),
          h('span', { className: 'hint' }, fillPlaceholders(macro.text, values).slice(0, 120)),
        ),
      ),
    );
    none.textContent = found.length === 0 ? t.macroNone : '';
    if (view.previousElementSibling !== textarea) textarea.after(view);
    view.hidden = false;
    textarea.setAttribute('aria-controls', 'macro-list');
    setActive(found.length > 0 ? 0 : -1);
  };

  const update = () => {
    const context = options.context();
    const caret = textarea.selectionStart;
    const match = textarea.selectionEnd === caret ? TRIGGER.exec(textarea.value.slice(0, caret)) : null;
    const query = match?.[1] ?? '';
    const at = match === null ? -1 : caret - query.length - 1;
    if (context === undefined || match === null || query.length > MAX_QUERY || at === dismissed) {
      if (at !== dismissed) dismissed = -1;
      return close();
    }
    slash = at;
    const asked = (sequence += 1);
    clearTimeout(timer);
    timer = setTimeout(() => {
      options.search(context.lang, query).then(
        (macros) => {
          if (asked === sequence) show(macros, context.values);
        },
        () => {
          if (asked === sequence) close();
        },
      );
    }, SEARCH_DELAY_MS);
  };

  textarea.addEventListener('input', update);
  textarea.addEventListener('blur', close);
  // Before the reply box's own Enter (send): a chosen macro is inserted, not sent.
  textarea.addEventListener(
    'keydown',
    (event) => {
      if (view.hidden || event.isComposing) return;
      const handled = () => {
        event.preventDefault();
        event.stopImmediatePropagation();
      };
      if (event.key === 'Escape') {
        handled();
        dismissed = slash;
        close();
      } else if ((event.key === 'ArrowDown' || event.key === 'ArrowUp') && found.length > 0) {
        handled();
        const step = event.key === 'ArrowDown' ? 1 : -1;
        setActive((active + step + found.length) % found.length);
      } else if (event.key === 'Enter' && !event.shiftKey) {
        // With nothing to insert, Enter does not send a stray `/words` to the customer: Escape first.
        handled();
        const macro = found[active];
        if (macro !== undefined) insert(macro);
      } else if (event.key === 'Tab' && !event.shiftKey) {
        const macro = found[active];
        if (macro === undefined) return;
        handled();
        insert(macro);
      }
    },
    { capture: true },
  );

  return {
    get isOpen() {
      return !view.hidden;
    },
    close,
  };
}
