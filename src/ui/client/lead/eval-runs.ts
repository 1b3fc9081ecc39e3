// The latest eval runs: a table of their headline metrics and gate, each with its HTML report, which is fetched
// with the lead's token and opened from a blob in a new tab. Runtime: browser.
import { fill } from '../../i18n.ts';
import { ApiError, errorText } from '../api.ts';
import type { EvalRun } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import type { LeadApi } from './lead-api.ts';
import { dateTime, integer, isNumber, share, twoDecimals } from './lead-format.ts';

/** What the section needs of the dashboard around it. */
export interface EvalRunsSession {
  readonly signedIn: () => boolean;
  /** The dashboard's refresh count: an answer from before a newer refresh is stale. */
  readonly sequence: () => number;
  /** A lost token: back to sign-in. */
  readonly fail: (error: unknown) => void;
}

export class EvalRuns {
  readonly alert = h('p', { className: 'alert', role: 'alert' });
  readonly body = h('div', { className: 'eval-runs' });

  constructor(
    private readonly api: LeadApi,
    private readonly session: EvalRunsSession,
  ) {}

  async load(): Promise<void> {
    const sequence = this.session.sequence();
    try {
      const { runs } = await this.api.evals(10);
      if (!this.session.signedIn()) return;
      this.alert.textContent = '';
      this.body.replaceChildren(runs.length === 0 ? h('p', { className: 'card' }, t.noEvalRuns) : this.table(runs));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        if (sequence === this.session.sequence()) this.session.fail(error);
        return;
      }
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
    }
  }

  private table(runs: readonly EvalRun[]): HTMLElement {
    const columns = [
      t.evalDate,
      t.cases,
      t.evalPassRate,
      t.evalGate,
      t.hitAt1,
      t.mrr,
      t.politeness,
      t.factRecall,
      t.groundedness,
      t.handoffF1,
      t.evalReport,
    ];
    const number = (value: number) => h('td', { className: 'num' }, isNumber(value) ? twoDecimals.format(value) : '—');
    const row = (run: EvalRun) => {
      const date = Number.isNaN(Date.parse(run.createdAt)) ? run.createdAt : dateTime.format(new Date(run.createdAt));
      const { metrics } = run;
      const report = h(
        'button',
        { type: 'button', className: 'secondary', 'aria-label': fill(t.reportOf, { date }) },
        t.open,
      );
      report.addEventListener('click', () => void this.openReport(run, report));
      const failures =
        run.gate.failures.length === 0
          ? null
          : h(
              'ul',
              { className: 'gate-failures' },
              run.gate.failures.map((failure) => h('li', {}, failure)),
            );
      return h(
        'tr',
        { 'data-run': run.id },
        h('th', { scope: 'row' }, h('time', { datetime: run.createdAt }, date)),
        h('td', { className: 'num' }, integer.format(metrics.cases)),
        h('td', { className: 'num' }, share(metrics.passRate)),
        h(
          'td',
          {},
          h('span', { className: run.gate.passed ? 'badge pass' : 'badge fail' }, run.gate.passed ? t.pass : t.fail),
          failures,
        ),
        number(metrics.retrieval.hitAt1),
        number(metrics.retrieval.mrr),
        number(metrics.politeness.mean),
        number(metrics.accuracy.factRecall),
        number(metrics.accuracy.groundedness),
        number(metrics.handoff.f1),
        h('td', {}, report),
      );
    };
    const table = h(
      'table',
      { className: 'eval-table', 'data-testid': 'eval-runs', 'aria-labelledby': 'evals-title' },
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          columns.map((column) => h('th', { scope: 'col' }, column)),
        ),
      ),
      h('tbody', {}, runs.map(row)),
    );
    return h(
      'div',
      { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'evals-title' },
      table,
    );
  }

  private async openReport(run: EvalRun, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    // The tab opens during the click (browsers block pop-ups opened later) and receives the report when it arrives.
    const tab = window.open('about:blank', '_blank');
    try {
      const report = await this.api.reportHtml(run.id);
      // The blob runs on this origin, so it carries its own policy: no script, nothing fetched.
      const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
      const html = /<head[^>]*>/i.test(report)
        ? report.replace(/<head[^>]*>/i, (head) => `${head}${policy}`)
        : `${policy}${report}`;
      const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      if (tab === null) window.location.assign(url);
      else tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.alert.textContent = '';
    } catch (error) {
      tab?.close();
      if (error instanceof ApiError && error.status === 401) return this.session.fail(error);
      this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
    } finally {
      button.disabled = false;
    }
  }
}
