// The views above the queue: the open queue, the agent's own tickets, unassigned ones, closed ones; by group,
// language and reason; and a search over customers, words and ticket ids. The choice is kept in the address (`?view=mine&q=…`;
// `language`, since `lang` is the page's own language), so a view can be bookmarked and survives a reload.
// Runtime: browser.
import { label } from '../../i18n.ts';
import type { TicketQuery } from '../api-types.ts';
import { h } from '../dom.ts';
import { lang, t } from '../page-lang.ts';
import { GROUPS } from './ticket-actions.ts';

export type View = 'queue' | 'mine' | 'unassigned' | 'closed';

const VIEWS: ReadonlyArray<[View, string]> = [
  ['queue', t.viewQueue],
  ['mine', t.viewMine],
  ['unassigned', t.viewUnassigned],
  ['closed', t.viewClosed],
];
const REASONS = ['human_request', 'emotion', 'low_confidence', 'sensitive', 'loop', 'error'] as const;
type Reason = (typeof REASONS)[number];
const isView = (value: string | null): value is View => VIEWS.some(([view]) => view === value);
const isReason = (value: string): value is Reason => (REASONS as readonly string[]).includes(value);

/** How long typing pauses before a search runs. */
const SEARCH_DELAY_MS = 300;

export class InboxViews {
  readonly view: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly language: HTMLSelectElement;
  private readonly group: HTMLSelectElement;
  private readonly reason: HTMLSelectElement;
  private readonly search: HTMLInputElement;
  private timer: ReturnType<typeof setTimeout> | undefined;

  /** `onChange` reloads the list with the new choice. */
  constructor(private readonly onChange: () => void) {
    const params = new URLSearchParams(location.search);
    const option = (value: string, text: string) => h('option', { value }, text);
    this.select = h(
      'select',
      { id: 'inbox-view', onchange: () => this.changed() },
      VIEWS.map(([value, text]) => option(value, text)),
    );
    this.select.value = isView(params.get('view')) ? (params.get('view') ?? 'queue') : 'queue';
    this.language = h(
      'select',
      { id: 'inbox-lang', onchange: () => this.changed() },
      option('', t.filterAny),
      option('ru', 'RU'),
      option('en', 'EN'),
    );
    const language = params.get('language') ?? '';
    this.language.value = language === 'ru' || language === 'en' ? language : '';
    const group = params.get('group') ?? '';
    this.group = h(
      'select',
      { id: 'inbox-group', onchange: () => this.changed() },
      option('', t.filterAny),
      [...new Set([...GROUPS, ...(group === '' ? [] : [group])])].map((name) => option(name, name)),
    );
    this.group.value = group.slice(0, 100);
    this.reason = h(
      'select',
      { id: 'inbox-reason', onchange: () => this.changed() },
      option('', t.filterAny),
      REASONS.map((reason) => option(reason, label(lang, reason))),
    );
    this.reason.value = isReason(params.get('reason') ?? '') ? (params.get('reason') ?? '') : '';
    this.search = h('input', {
      id: 'inbox-search',
      type: 'search',
      placeholder: t.searchPlaceholder,
      autocomplete: 'off',
      maxLength: 200,
      value: params.get('q') ?? '',
      oninput: () => {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => this.changed(), SEARCH_DELAY_MS);
      },
      onkeydown: (event: Event) => {
        if (!(event instanceof KeyboardEvent) || event.key !== 'Enter') return;
        clearTimeout(this.timer);
        this.changed();
      },
    });
    const field = (id: string, text: string, control: HTMLElement) =>
      h('span', { className: 'field' }, h('label', { for: id }, text), control);
    this.view = h(
      'div',
      { className: 'inbox-views', role: 'search' },
      field('inbox-search', t.searchLabel, this.search),
      h(
        'div',
        { className: 'inbox-filters' },
        field('inbox-view', t.viewLabel, this.select),
        field('inbox-group', t.groupLabel, this.group),
        field('inbox-lang', t.filterLanguage, this.language),
        field('inbox-reason', t.filterReason, this.reason),
      ),
    );
  }

  /** The open queue, unfiltered: what the live queue shows and counts. */
  get isQueue(): boolean {
    return this.query() === undefined;
  }

  /** The request for the chosen view, or undefined for the plain open queue. */
  query(): TicketQuery | undefined {
    const query: TicketQuery = {
      ...(this.select.value === 'mine' ? { assignee: 'me' } : {}),
      ...(this.select.value === 'unassigned' ? { assignee: 'none' } : {}),
      ...(this.select.value === 'closed' ? { status: 'resolved' as const } : {}),
      ...(this.group.value === '' ? {} : { group: this.group.value }),
      ...(this.language.value === 'ru' || this.language.value === 'en' ? { lang: this.language.value } : {}),
      ...(isReason(this.reason.value) ? { reason: this.reason.value } : {}),
      ...(this.search.value.trim() === '' ? {} : { q: this.search.value.trim().slice(0, 200) }),
    };
    return Object.keys(query).length === 0 ? undefined : query;
  }

  private changed(): void {
    const url = new URL(location.href);
    for (const [key, value] of [
      ['view', this.select.value === 'queue' ? '' : this.select.value],
      ['group', this.group.value],
      ['language', this.language.value],
      ['reason', this.reason.value],
      ['q', this.search.value.trim()],
    ] as const) {
      if (value === '') url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    }
    history.replaceState(history.state, '', url);
    this.onChange();
  }
}
