// The team-lead dashboard: sign in with a lead token, KPI tiles and uPlot charts over a chosen period (refreshed
// every 30 s and on a period change), and the latest eval runs with their HTML reports. Runtime: browser.
import { fill } from '../../i18n.ts';
import { ApiError, errorText } from '../api.ts';
import type { Agent, Kpis } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { refuseSignIn, showSignInForm } from '../sign-in-form.ts';
import { ChartGrid } from './chart-grid.ts';
import { EvalRuns } from './eval-runs.ts';
import { renderTiles } from './kpi-tiles.ts';
import { leadApi } from './lead-api.ts';
import { ReportsPanel } from './reports-panel.ts';
import { MacrosPanel } from './macros-panel.ts';
import { macroApi } from '../macro-api.ts';
import { PERIODS, clockSeconds, periodQuery, type PeriodKey } from './lead-format.ts';

export const TOKEN_KEY = 'firstline:lead-token';
const PERIOD_KEY = 'firstline:lead-period';
const REFRESH_MS = 30_000;
const app = document.getElementById('app') ?? document.body;
const title = app.dataset.title ?? t.leadTitle;

export class LeadDashboard {
  private token: string | undefined;
  private me: Agent | undefined;
  private period: PeriodKey = '7d';
  private timer: ReturnType<typeof setInterval> | undefined;
  private sequence = 0;
  private lastRefresh = 0;
  private readonly api = leadApi(() => this.token);
  private readonly charts = new ChartGrid();
  private readonly evals = new EvalRuns(this.api, {
    signedIn: () => this.token !== undefined,
    sequence: () => this.sequence,
    fail: (error) => this.fail(error),
  });
  private readonly macros = new MacrosPanel(
    macroApi(() => this.token),
    (error) => this.fail(error),
  );
  private readonly reports = new ReportsPanel(() => this.token, { fail: (error) => this.fail(error) });
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly tiles = h('div', { className: 'tiles', 'data-testid': 'kpis' });
  private readonly updated = h('p', { className: 'updated' });

  constructor(token: string | undefined) {
    const saved = sessionStorage.getItem(PERIOD_KEY);
    if (saved !== null && saved in PERIODS) this.period = saved as PeriodKey;
    let frame = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.charts.resize());
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.token !== undefined && Date.now() - this.lastRefresh >= REFRESH_MS)
        void this.refresh();
    });
    if (token === undefined) this.signInForm();
    else void this.start(token);
  }

  private signInForm(message = ''): void {
    this.stop();
    showSignInForm(app, { id: 'lead-token', title, message, onToken: (token, alert) => this.start(token, alert) });
  }

  /** Checks the token (who it is, and that it may read metrics), then shows the dashboard. */
  private async start(token: string, alert?: HTMLElement): Promise<void> {
    this.token = token;
    const query = periodQuery(this.period);
    let kpis: Kpis;
    try {
      this.me = (await this.api.me()).agent;
      kpis = await this.api.kpis(query);
    } catch (error) {
      this.token = undefined;
      refuseSignIn(error, { tokenKey: TOKEN_KEY, alert, showForm: (message) => this.signInForm(message) });
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.layout();
    this.showKpis(kpis);
    this.schedule();
    await Promise.all([this.loadSeries(this.sequence, query), this.evals.load()]);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sequence += 1;
    this.charts.destroy();
  }

  private signOut(): void {
    sessionStorage.removeItem(TOKEN_KEY);
    this.token = undefined;
    this.me = undefined;
    this.signInForm();
  }

  private schedule(): void {
    clearInterval(this.timer);
    this.timer = setInterval(() => {
      if (!document.hidden) void this.refresh();
    }, REFRESH_MS);
  }

  private layout(): void {
    const choose = (event: Event) => {
      const value = (event.target as HTMLSelectElement).value;
      if (!(value in PERIODS)) return;
      this.period = value as PeriodKey;
      sessionStorage.setItem(PERIOD_KEY, value);
      this.schedule();
      void this.refresh();
    };
    const periods = (Object.keys(PERIODS) as PeriodKey[]).map((key) =>
      h('option', { value: key, selected: key === this.period }, PERIODS[key].label),
    );
    const select = h('select', { id: 'lead-period', onchange: choose }, periods);
    const me = this.me;
    const section = (className: string, titleId: string, ...children: Node[]) =>
      h('section', { className, 'aria-labelledby': titleId }, ...children);
    app.replaceChildren(
      h(
        'header',
        { className: 'topbar' },
        h('h1', {}, t.leadTitle),
        h('span', { className: 'me' }, me === undefined ? '' : `${me.name} (${me.role})`),
        h('span', { className: 'period' }, h('label', { for: 'lead-period' }, t.period), select),
        h('button', { type: 'button', className: 'secondary', onclick: () => this.signOut() }, t.signOut),
      ),
      h(
        'main',
        { className: 'page lead' },
        this.alert,
        section(
          'kpis',
          'kpis-title',
          h('div', { className: 'section-head' }, h('h2', { id: 'kpis-title' }, t.kpisTitle), this.updated),
          this.tiles,
        ),
        section('trends', 'charts-title', h('h2', { id: 'charts-title' }, t.chartsTitle), this.charts.element),
        this.reports.element,
        section('evals', 'evals-title', h('h2', { id: 'evals-title' }, t.evalRuns), this.evals.alert, this.evals.body),
        this.macros.view,
      ),
    );
    this.alert.textContent = '';
    this.evals.alert.textContent = '';
    renderTiles(this.tiles, undefined);
    this.charts.empty();
    void this.reports.load();
    void this.macros.load();
  }

  /** KPIs and charts for the chosen period; a newer refresh makes an older one's answers stale. */
  private async refresh(): Promise<void> {
    if (this.token === undefined) return;
    this.sequence += 1;
    const sequence = this.sequence;
    const query = periodQuery(this.period);
    this.alert.textContent = '';
    this.tiles.setAttribute('aria-busy', 'true');
    const kpis = this.api.kpis(query).then(
      (result) => {
        if (sequence === this.sequence) this.showKpis(result);
      },
      (error: unknown) => {
        if (sequence === this.sequence) this.fail(error);
      },
    );
    await Promise.all([kpis, this.loadSeries(sequence, query)]);
  }

  private showKpis(kpis: Kpis): void {
    renderTiles(this.tiles, kpis);
    this.tiles.removeAttribute('aria-busy');
    this.lastRefresh = Date.now();
    this.updated.textContent = fill(t.updated, { time: clockSeconds.format(new Date()) });
  }

  private async loadSeries(sequence: number, query: string): Promise<void> {
    const grid = this.charts.element;
    grid.setAttribute('aria-busy', 'true');
    try {
      const series = await this.api.series(query, PERIODS[this.period].buckets);
      if (sequence !== this.sequence) return;
      this.charts.show(series.buckets, this.period);
    } catch (error) {
      if (sequence === this.sequence) this.fail(error);
    } finally {
      if (sequence === this.sequence) grid.removeAttribute('aria-busy');
    }
  }

  /** A lost or downgraded token sends the lead back to the sign-in form; other errors show above the KPIs. */
  private fail(error: unknown): void {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
      sessionStorage.removeItem(TOKEN_KEY);
      this.token = undefined;
      this.signInForm(fill(t.signInFailed, { message: error.message }));
      return;
    }
    this.alert.textContent = fill(t.actionFailed, { message: errorText(error) });
  }
}
