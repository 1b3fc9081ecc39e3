// The lead dashboard's Reports section: a date range (the last 7 days by default), per-agent and per-group tables
// against the previous period with CSV downloads, the tickets behind a figure, and customers' comments.
// Runtime: browser.
import { fill } from '../../i18n.ts';
import { errorText } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { dateTime } from './lead-format.ts';
import { reportApi, type CsatComments, type DrillScope, type ReportBy, type ReportKpi } from './report-api.ts';
import { drillList } from './report-drill.ts';
import { reportTable } from './report-table.ts';

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** A date input's value (local calendar day) for a time. */
const dayOf = (time: Date) =>
  `${time.getFullYear()}-${String(time.getMonth() + 1).padStart(2, '0')}-${String(time.getDate()).padStart(2, '0')}`;

/** Local midnight of a date input's value, or null for an empty or invalid one. */
function midnight(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (match === null) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "★★☆☆☆" for a score of 2 (1–5). */
const stars = (score: number) => `${'★'.repeat(score)}${'☆'.repeat(Math.max(0, 5 - score))} `;

export interface ReportsPanelOptions {
  /** A failure the dashboard handles (a lost token sends the lead back to sign in). */
  readonly fail: (error: unknown) => void;
}

export class ReportsPanel {
  private readonly api: ReturnType<typeof reportApi>;
  private readonly from = h('input', { type: 'date', id: 'report-from', required: true });
  private readonly to = h('input', { type: 'date', id: 'report-to', required: true });
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly tables = {
    agent: h('div', { 'data-testid': 'report-agents' }),
    group: h('div', { 'data-testid': 'report-groups' }),
  };
  private readonly drill = h('section', {
    className: 'report-drill',
    'aria-live': 'polite',
    'data-testid': 'report-drill',
  });
  private readonly comments = h('ul', { className: 'report-comments', 'data-testid': 'report-comments' });
  private sequence = 0;
  private period = '';
  readonly element: HTMLElement;

  constructor(
    token: () => string | undefined,
    private readonly options: ReportsPanelOptions,
  ) {
    this.api = reportApi(token);
    const today = new Date();
    this.to.value = dayOf(today);
    this.from.value = dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - 6));
    const form = h(
      'form',
      { className: 'report-range', onsubmit: (event: Event) => (event.preventDefault(), void this.load()) },
      h('label', { for: 'report-from' }, t.reportFrom),
      this.from,
      h('label', { for: 'report-to' }, t.reportTo),
      this.to,
      h('button', { type: 'submit' }, t.reportShow),
    );
    const table = (by: ReportBy, titleId: string, title: string) =>
      h(
        'div',
        { className: 'report-block' },
        h(
          'div',
          { className: 'section-head' },
          h('h3', { id: titleId }, title),
          h(
            'button',
            { type: 'button', className: 'secondary', 'data-csv': by, onclick: () => void this.download(by) },
            t.reportDownloadCsv,
          ),
        ),
        this.tables[by],
      );
    this.element = h(
      'section',
      { className: 'reports', 'aria-labelledby': 'reports-title' },
      h('h2', { id: 'reports-title' }, t.reportsTitle),
      form,
      this.alert,
      h('p', { className: 'updated' }, t.reportDrillHint),
      table('agent', 'report-agents-title', t.reportByAgent),
      table('group', 'report-groups-title', t.reportByGroup),
      this.drill,
      h('h3', {}, t.reportComments),
      this.comments,
    );
    this.drill.hidden = true;
  }

  /** `from=…&to=…` for the chosen days (the end day included), or null when the range is not valid. */
  private query(): string | null {
    const from = midnight(this.from.value);
    const last = midnight(this.to.value);
    if (from === null || last === null) return null;
    const to = new Date(last.getFullYear(), last.getMonth(), last.getDate() + 1);
    if (to <= from || to.getTime() - from.getTime() > MAX_DAYS * DAY_MS + 3_600_000) return null;
    return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  }

  /** Loads both tables and the comments for the chosen range; a newer load makes an older one's answers stale. */
  async load(): Promise<void> {
    const period = this.query();
    this.alert.textContent = '';
    if (period === null) {
      this.alert.textContent = t.reportRangeInvalid;
      return;
    }
    this.sequence += 1;
    const sequence = this.sequence;
    this.period = period;
    this.drill.hidden = true;
    this.element.setAttribute('aria-busy', 'true');
    try {
      const [agents, groups, comments] = await Promise.all([
        this.api.performance(period, 'agent'),
        this.api.performance(period, 'group'),
        this.api.comments(period),
      ]);
      if (sequence !== this.sequence) return;
      const drill = (kpi: ReportKpi, label: string, scope: DrillScope, name: string) =>
        void this.openDrill(kpi, label, scope, name);
      this.tables.agent.replaceChildren(reportTable(agents, drill));
      this.tables.group.replaceChildren(reportTable(groups, drill));
      this.showComments(comments);
    } catch (error) {
      if (sequence === this.sequence) this.options.fail(error);
    } finally {
      if (sequence === this.sequence) this.element.removeAttribute('aria-busy');
    }
  }

  private async openDrill(kpi: ReportKpi, label: string, scope: DrillScope, name: string): Promise<void> {
    const sequence = this.sequence;
    try {
      const result = await this.api.tickets(this.period, kpi, scope);
      if (sequence !== this.sequence) return;
      const close = () => {
        this.drill.hidden = true;
        this.drill.replaceChildren();
      };
      this.drill.replaceChildren(...drillList(fill(t.reportTicketsOf, { kpi: label, name }), result, close));
      this.drill.hidden = false;
      this.drill.scrollIntoView({ block: 'nearest' });
    } catch (error) {
      this.options.fail(error);
    }
  }

  private showComments(result: CsatComments): void {
    if (result.comments.length === 0) {
      this.comments.replaceChildren(h('li', { className: 'empty' }, t.reportNoComments));
      return;
    }
    this.comments.replaceChildren(
      ...result.comments.map((entry) =>
        h(
          'li',
          { className: entry.score <= 2 ? 'report-comment low' : 'report-comment' },
          h(
            'p',
            { className: 'comment-meta' },
            h('span', { className: 'stars', 'aria-hidden': 'true' }, stars(entry.score)),
            h('span', { className: 'sr-only' }, fill(t.reportScore, { score: entry.score })),
            ` ${dateTime.format(new Date(entry.at))}`,
            entry.agent === null ? null : ` · ${entry.agent.name}`,
            entry.ticketId === null ? null : ' · ',
            entry.ticketId === null
              ? null
              : h('a', { href: `/agent/tickets/${encodeURIComponent(entry.ticketId)}` }, entry.ticketId.slice(-8)),
          ),
          h('p', { className: 'comment-text' }, entry.comment),
        ),
      ),
    );
  }

  /** Fetches the CSV with the lead's token and saves it under the server's file name. */
  private async download(by: ReportBy): Promise<void> {
    const period = this.query();
    if (period === null) {
      this.alert.textContent = t.reportRangeInvalid;
      return;
    }
    try {
      const { blob, filename } = await this.api.csv(period, by);
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: filename, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (error) {
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
    }
  }
}
