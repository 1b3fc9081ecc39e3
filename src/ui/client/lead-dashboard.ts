// The team-lead dashboard: sign in with a lead token, KPI tiles and uPlot charts over a chosen period (refreshed
// every 30 s and on a period change), and the latest eval runs with their HTML reports. Runtime: browser.
import uPlot from 'uplot';
import { fill } from '../i18n.ts';
import { ApiError, api, errorText } from './api.ts';
import { refuseSignIn, showSignInForm } from './sign-in-form.ts';
import { h } from './dom.ts';
import { CHART_HEIGHT, chartSpecs, chartWidth, dataTable, plotData, plotOptions, type Chart, type ChartSpec } from './lead-charts.ts';
import { PERIODS, clockSeconds, dateTime, integer, isNumber, oneDecimal, seconds, share, t, twoDecimals, type EvalRun, type KpiSeries, type Kpis, type PeriodKey } from './lead-model.ts';

interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}
const TOKEN_KEY = 'firstline:lead-token';
const PERIOD_KEY = 'firstline:lead-period';
const REFRESH_MS = 30_000;

// ---- KPI tiles ----------------------------------------------------------------------------------------------

interface Tile {
  readonly key: string;
  readonly label: string;
  readonly value: (kpis: Kpis) => string | null;
  readonly hint?: (kpis: Kpis) => string | null;
}

const TILES: readonly Tile[] = [
  { key: 'firstResponseBot', label: t.kpiFirstResponseBot, value: (k) => (isNumber(k.firstResponseBotSeconds) ? seconds(k.firstResponseBotSeconds) : null) },
  { key: 'firstResponseHuman', label: t.kpiFirstResponseHuman, value: (k) => (isNumber(k.firstResponseHumanSeconds) ? seconds(k.firstResponseHumanSeconds) : null) },
  { key: 'resolution', label: t.kpiResolution, value: (k) => (isNumber(k.resolutionSeconds) ? seconds(k.resolutionSeconds) : null) },
  { key: 'conversations', label: t.kpiConversations, value: (k) => (isNumber(k.conversations) ? integer.format(k.conversations) : null) },
  { key: 'tickets', label: t.kpiTickets, value: (k) => (isNumber(k.tickets) ? integer.format(k.tickets) : null) },
  { key: 'backlog', label: t.kpiBacklog, value: (k) => (isNumber(k.backlog) ? integer.format(k.backlog) : null) },
  { key: 'overdue', label: t.kpiOverdue, value: (k) => (isNumber(k.overdue) ? integer.format(k.overdue) : null) },
  { key: 'sla', label: t.kpiSla, value: (k) => (isNumber(k.slaAttainment) ? share(k.slaAttainment) : null) },
  { key: 'containment', label: t.kpiContainment, value: (k) => (isNumber(k.containment) ? share(k.containment) : null) },
  {
    key: 'csat',
    label: t.kpiCsat,
    value: (k) => (isNumber(k.csat?.average) ? `${oneDecimal.format(k.csat.average)} / 5` : null),
    hint: (k) => (isNumber(k.csat?.responses) && k.csat.responses > 0 ? fill(t.csatResponses, { count: integer.format(k.csat.responses) }) : null),
  },
];

function renderTiles(container: HTMLElement, kpis: Kpis | undefined): void {
  container.replaceChildren(
    ...TILES.map((tile) => {
      const value = kpis === undefined ? '…' : tile.value(kpis);
      const hint = kpis === undefined ? null : (tile.hint?.(kpis) ?? null);
      return h(
        'section',
        { className: 'tile', 'aria-label': tile.label, 'data-kpi': tile.key },
        h('p', { className: 'tile-label' }, tile.label),
        h('p', { className: value === null ? 'tile-value empty' : 'tile-value' }, value ?? t.noData),
        hint === null ? null : h('p', { className: 'tile-hint' }, hint),
      );
    }),
  );
}

// ---- The dashboard ------------------------------------------------------------------------------------------

const app = document.getElementById('app') ?? document.body;
const title = app.dataset.title ?? t.leadTitle;

class LeadDashboard {
  private token: string | undefined;
  private me: Agent | undefined;
  private period: PeriodKey = '7d';
  private timer: ReturnType<typeof setInterval> | undefined;
  private sequence = 0;
  private lastRefresh = 0;
  private readonly charts = new Map<string, Chart>();
  private readonly alert = h('p', { className: 'alert', role: 'alert' });
  private readonly evalAlert = h('p', { className: 'alert', role: 'alert' });
  private readonly tiles = h('div', { className: 'tiles', 'data-testid': 'kpis' });
  private readonly updated = h('p', { className: 'updated' });
  private readonly chartGrid = h('div', { className: 'charts' });
  private readonly evalBody = h('div', { className: 'eval-runs' });

  constructor(token: string | undefined) {
    const saved = sessionStorage.getItem(PERIOD_KEY);
    if (saved !== null && saved in PERIODS) this.period = saved as PeriodKey;
    let frame = 0;
    window.addEventListener('resize', () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(() => this.resizeCharts());
    });
    document.addEventListener('visibilitychange', () => {
      if (!document.hidden && this.token !== undefined && Date.now() - this.lastRefresh >= REFRESH_MS) void this.refresh();
    });
    if (token === undefined) this.signInForm();
    else void this.start(token);
  }

  private call<T>(path: string): Promise<T> {
    return api<T>(location.origin, path, { token: this.token });
  }

  private query(): string {
    const to = new Date();
    const from = new Date(to.getTime() - PERIODS[this.period].seconds * 1000);
    return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
  }

  private signInForm(message = ''): void {
    this.stop();
    showSignInForm(app, { id: 'lead-token', title, message, onToken: (token, alert) => this.start(token, alert) });
  }

  /** Checks the token (who it is, and that it may read metrics), then shows the dashboard. */
  private async start(token: string, alert?: HTMLElement): Promise<void> {
    this.token = token;
    const query = this.query();
    let kpis: Kpis;
    try {
      this.me = (await this.call<{ agent: Agent }>('/v1/agent/me')).agent;
      kpis = await this.call<Kpis>(`/v1/metrics?${query}`);
    } catch (error) {
      this.token = undefined;
      refuseSignIn(error, { tokenKey: TOKEN_KEY, alert, showForm: (message) => this.signInForm(message) });
      return;
    }
    sessionStorage.setItem(TOKEN_KEY, token);
    this.layout();
    this.showKpis(kpis);
    this.schedule();
    await Promise.all([this.loadSeries(this.sequence, query), this.loadEvals()]);
  }

  private stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.sequence += 1;
    for (const chart of this.charts.values()) chart.plot?.destroy();
    this.charts.clear();
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
    const select = h(
      'select',
      {
        id: 'lead-period',
        onchange: (event) => {
          const value = (event.target as HTMLSelectElement).value;
          if (!(value in PERIODS)) return;
          this.period = value as PeriodKey;
          sessionStorage.setItem(PERIOD_KEY, value);
          this.schedule();
          void this.refresh();
        },
      },
      (Object.keys(PERIODS) as PeriodKey[]).map((key) => h('option', { value: key, selected: key === this.period }, PERIODS[key].label)),
    );
    const me = this.me;
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
        h('section', { className: 'kpis', 'aria-labelledby': 'kpis-title' }, h('div', { className: 'section-head' }, h('h2', { id: 'kpis-title' }, t.kpisTitle), this.updated), this.tiles),
        h('section', { className: 'trends', 'aria-labelledby': 'charts-title' }, h('h2', { id: 'charts-title' }, t.chartsTitle), this.chartGrid),
        h('section', { className: 'evals', 'aria-labelledby': 'evals-title' }, h('h2', { id: 'evals-title' }, t.evalRuns), this.evalAlert, this.evalBody),
      ),
    );
    this.alert.textContent = '';
    this.evalAlert.textContent = '';
    renderTiles(this.tiles, undefined);
    this.chartGrid.replaceChildren();
  }

  /** KPIs and charts for the chosen period; a newer refresh makes an older one's answers stale. */
  private async refresh(): Promise<void> {
    if (this.token === undefined) return;
    this.sequence += 1;
    const sequence = this.sequence;
    const query = this.query();
    this.alert.textContent = '';
    this.tiles.setAttribute('aria-busy', 'true');
    const kpis = this.call<Kpis>(`/v1/metrics?${query}`).then(
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
    this.chartGrid.setAttribute('aria-busy', 'true');
    try {
      const series = await this.call<KpiSeries>(`/v1/metrics/series?${query}&buckets=${PERIODS[this.period].buckets}`);
      if (sequence !== this.sequence) return;
      this.showCharts(series.buckets);
    } catch (error) {
      if (sequence === this.sequence) this.fail(error);
    } finally {
      if (sequence === this.sequence) this.chartGrid.removeAttribute('aria-busy');
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

  private showCharts(buckets: readonly Kpis[]): void {
    const specs = chartSpecs(buckets);
    for (const spec of specs) {
      const chart = this.charts.get(spec.id) ?? this.createChart(spec);
      const data = plotData(spec, buckets);
      const signature = `${this.period}|${spec.lines.map((line) => line.label).join('|')}`;
      const empty = data.slice(1).every((values) => Array.from(values).every((value) => value === null));
      chart.figure.classList.toggle('empty', empty);
      if (chart.plot !== undefined && chart.signature === signature) chart.plot.setData(data);
      else {
        chart.plot?.destroy();
        chart.plot = new uPlot(plotOptions(spec, this.period, chartWidth(chart.host)), data, chart.host);
        chart.signature = signature;
      }
      chart.data.replaceChildren(dataTable(spec, buckets, this.period));
    }
  }

  private createChart(spec: ChartSpec): Chart {
    const captionId = `chart-${spec.id}-title`;
    const host = h('div', { className: 'plot', 'aria-hidden': 'true' });
    const data = h('div', { className: 'chart-data' });
    const figure = h(
      'figure',
      { className: 'chart', 'data-chart': spec.id, 'aria-labelledby': captionId },
      h('figcaption', { id: captionId }, spec.caption),
      h('p', { className: 'no-data' }, t.noData),
      host,
      h('details', {}, h('summary', {}, t.showTable), data),
    );
    this.chartGrid.append(figure);
    const chart: Chart = { host, figure, data };
    this.charts.set(spec.id, chart);
    return chart;
  }

  private resizeCharts(): void {
    for (const chart of this.charts.values()) {
      const width = chartWidth(chart.host);
      if (chart.plot !== undefined && chart.plot.width !== width) chart.plot.setSize({ width, height: CHART_HEIGHT });
    }
  }

  // ---- Eval runs --------------------------------------------------------------------------------------------

  private async loadEvals(): Promise<void> {
    const sequence = this.sequence;
    try {
      const { runs } = await this.call<{ runs: readonly EvalRun[] }>('/v1/evals?limit=10');
      if (this.token === undefined) return;
      this.evalAlert.textContent = '';
      this.evalBody.replaceChildren(runs.length === 0 ? h('p', { className: 'card' }, t.noEvalRuns) : this.evalTable(runs));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
        if (sequence === this.sequence) this.fail(error);
        return;
      }
      this.evalAlert.textContent = fill(t.actionFailed, { message: errorText(error) });
    }
  }

  private evalTable(runs: readonly EvalRun[]): HTMLElement {
    const columns = [t.evalDate, t.cases, t.evalPassRate, t.evalGate, t.hitAt1, t.mrr, t.politeness, t.factRecall, t.groundedness, t.handoffF1, t.evalReport];
    const number = (value: number) => h('td', { className: 'num' }, isNumber(value) ? twoDecimals.format(value) : '—');
    const row = (run: EvalRun) => {
      const date = Number.isNaN(Date.parse(run.createdAt)) ? run.createdAt : dateTime.format(new Date(run.createdAt));
      const { metrics } = run;
      const report = h('button', { type: 'button', className: 'secondary', 'aria-label': fill(t.reportOf, { date }) }, t.open);
      report.addEventListener('click', () => void this.openReport(run, report));
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
          run.gate.failures.length === 0 ? null : h('ul', { className: 'gate-failures' }, run.gate.failures.map((failure) => h('li', {}, failure))),
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
      h('thead', {}, h('tr', {}, columns.map((column) => h('th', { scope: 'col' }, column)))),
      h('tbody', {}, runs.map(row)),
    );
    return h('div', { className: 'table-scroll', tabindex: 0, role: 'region', 'aria-labelledby': 'evals-title' }, table);
  }

  /** The report is HTML behind the lead's token, so it is fetched here and opened from a blob in a new tab. */
  private async openReport(run: EvalRun, button: HTMLButtonElement): Promise<void> {
    button.disabled = true;
    // The tab opens during the click (browsers block pop-ups opened later) and receives the report when it arrives.
    const tab = window.open('about:blank', '_blank');
    try {
      const response = await fetch(`${location.origin}/v1/evals/${encodeURIComponent(run.id)}/report.html`, { headers: { authorization: `Bearer ${this.token ?? ''}`, accept: 'text/html' } });
      if (!response.ok) {
        const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(response.status, payload?.error?.code ?? `http_${response.status}`, payload?.error?.message ?? response.statusText);
      }
      // The blob runs on this origin, so it carries its own policy: no script, nothing fetched.
      const policy = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`;
      const report = await response.text();
      const html = /<head[^>]*>/i.test(report) ? report.replace(/<head[^>]*>/i, (head) => `${head}${policy}`) : `${policy}${report}`;
      const blob = new Blob([html], { type: 'text/html;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      if (tab === null) window.location.assign(url);
      else tab.location.href = url;
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.evalAlert.textContent = '';
    } catch (error) {
      tab?.close();
      if (error instanceof ApiError && error.status === 401) return this.fail(error);
      this.evalAlert.textContent = fill(t.actionFailed, { message: errorText(error) });
    } finally {
      button.disabled = false;
    }
  }
}

new LeadDashboard(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
