// The team-lead dashboard: sign in with a lead token, KPI tiles and uPlot charts over a chosen period (refreshed
// every 30 s and on a period change), and the latest eval runs with their HTML reports. Runtime: browser.
import uPlot from 'uplot';
import { STRINGS, fill, uiLang } from '../i18n.ts';
import { ApiError, api } from './api.ts';
import { duration, h } from './dom.ts';

interface Agent {
  readonly id: string;
  readonly name: string;
  readonly role: string;
}
interface Kpis {
  readonly period: { readonly from: string; readonly to: string };
  readonly firstResponseBotSeconds: number | null;
  readonly firstResponseHumanSeconds: number | null;
  readonly resolutionSeconds: number | null;
  readonly conversations: number | null;
  readonly tickets: number | null;
  readonly backlog: number | null;
  readonly overdue: number | null;
  readonly slaAttainment: number | null;
  readonly containment: number | null;
  readonly handoffRateByReason: Readonly<Record<string, number>> | null;
  readonly csat: { readonly average: number | null; readonly responses: number | null; readonly responseRate: number | null } | null;
}
interface KpiSeries {
  readonly from: string;
  readonly to: string;
  readonly buckets: readonly Kpis[];
}
interface EvalRun {
  readonly id: string;
  readonly createdAt: string;
  readonly seconds: number;
  readonly prompts: string;
  readonly gate: { readonly passed: boolean; readonly failures: readonly string[] };
  readonly hasBaseline: boolean;
  readonly metrics: {
    readonly cases: number;
    readonly passRate: number;
    readonly retrieval: { readonly hitAt1: number; readonly hitAt5: number; readonly mrr: number };
    readonly politeness: { readonly mean: number };
    readonly accuracy: { readonly factRecall: number; readonly groundedness: number };
    readonly handoff: { readonly precision: number; readonly recall: number; readonly f1: number };
    readonly calibration: { readonly ece: number; readonly brier: number };
  };
}

type PeriodKey = '24h' | '7d' | '30d';
type Unit = 'seconds' | 'minutes' | 'count' | 'percent' | 'csat';
interface Line {
  readonly label: string;
  readonly pick: (kpis: Kpis) => number | null;
}
interface ChartSpec {
  readonly id: string;
  readonly caption: string;
  readonly unit: Unit;
  readonly lines: readonly Line[];
}
interface Chart {
  readonly host: HTMLElement;
  readonly figure: HTMLElement;
  readonly data: HTMLElement;
  plot?: uPlot;
  signature?: string;
}

const lang = uiLang(document.documentElement.lang);
const t = STRINGS[lang];
const TOKEN_KEY = 'firstline:lead-token';
const PERIOD_KEY = 'firstline:lead-period';
const REFRESH_MS = 30_000;
const HOUR = 3600;
const DAY = 86_400;
const CHART_HEIGHT = 220;
const MIN_CHART_WIDTH = 280;
const PERIODS: Readonly<Record<PeriodKey, { readonly label: string; readonly seconds: number; readonly buckets: number }>> = {
  '24h': { label: t.period24h, seconds: DAY, buckets: 24 },
  '7d': { label: t.period7d, seconds: 7 * DAY, buckets: 7 },
  '30d': { label: t.period30d, seconds: 30 * DAY, buckets: 30 },
};
/** Okabe–Ito hues, darkened where needed for 3:1 contrast on white; dashes tell series apart without colour. */
const COLOURS = ['#0072b2', '#c84f00', '#007a5a', '#b3478f', '#8a6100', '#000000'];
const DASHES: readonly number[][] = [[], [8, 4], [2, 3], [10, 3, 2, 3], [4, 4], [1, 5]];
const REASON_ORDER = ['human_request', 'emotion', 'sensitive', 'low_confidence', 'loop', 'error'];

/** Strings the shared dictionary does not have (yet). */
const LOCAL = {
  ru: {
    kpisTitle: 'Показатели',
    chartsTitle: 'Динамика',
    updated: 'Обновлено: {time}',
    csatResponses: 'оценок: {count}',
    showTable: 'Показать таблицей',
    time: 'Время',
    cases: 'Кейсов',
    hitAt1: 'hit@1',
    mrr: 'MRR',
    politeness: 'Вежливость',
    factRecall: 'Полнота фактов',
    groundedness: 'Обоснованность',
    handoffF1: 'F1 передачи',
    reportOf: 'Отчёт за {date}',
    second: 'с',
    reasons: { human_request: 'Просьба позвать человека', emotion: 'Эмоции', sensitive: 'Чувствительная тема', low_confidence: 'Низкая уверенность', loop: 'Зацикливание', error: 'Ошибка' } as Record<string, string>,
  },
  en: {
    kpisTitle: 'Key metrics',
    chartsTitle: 'Trends',
    updated: 'Updated: {time}',
    csatResponses: 'responses: {count}',
    showTable: 'Show as a table',
    time: 'Time',
    cases: 'Cases',
    hitAt1: 'hit@1',
    mrr: 'MRR',
    politeness: 'Politeness',
    factRecall: 'Fact recall',
    groundedness: 'Groundedness',
    handoffF1: 'Handoff F1',
    reportOf: 'Report of {date}',
    second: 's',
    reasons: { human_request: 'Asked for a person', emotion: 'Emotion', sensitive: 'Sensitive topic', low_confidence: 'Low confidence', loop: 'Loop', error: 'Error' } as Record<string, string>,
  },
}[lang];

// ---- Formatting ---------------------------------------------------------------------------------------------

const integer = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat(lang, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const percentFormat = new Intl.NumberFormat(lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
const dateTime = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(lang, { hour: 'numeric', minute: '2-digit' });
const clockSeconds = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
const dayMonth = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'short' });

const isNumber = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);
/** Sub-10-second times (the bot's) keep a decimal; longer ones read as "4 min 09 s". */
const seconds = (value: number) => (value < 10 && !Number.isInteger(value) ? `${oneDecimal.format(value)} ${LOCAL.second}` : duration(value, lang));
const share = (value: number) => percentFormat.format(value);
const toPercent = (value: number | null | undefined) => (isNumber(value) ? value * 100 : null);
const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function formatUnit(unit: Unit, value: number): string {
  switch (unit) {
    case 'seconds':
      return seconds(value);
    case 'minutes':
      return oneDecimal.format(value);
    case 'count':
      return integer.format(value);
    case 'percent':
      return `${oneDecimal.format(value)} %`;
    case 'csat':
      return oneDecimal.format(value);
  }
}

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
    hint: (k) => (isNumber(k.csat?.responses) && k.csat.responses > 0 ? fill(LOCAL.csatResponses, { count: integer.format(k.csat.responses) }) : null),
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

// ---- Charts -------------------------------------------------------------------------------------------------

function reasonsIn(buckets: readonly Kpis[]): string[] {
  const found = new Set(buckets.flatMap((bucket) => Object.keys(bucket.handoffRateByReason ?? {})));
  const rank = (reason: string) => (REASON_ORDER.includes(reason) ? REASON_ORDER.indexOf(reason) : REASON_ORDER.length);
  return [...found].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

function chartSpecs(buckets: readonly Kpis[]): ChartSpec[] {
  return [
    {
      id: 'first-response',
      caption: t.chartFirstResponse,
      unit: 'seconds',
      lines: [
        { label: t.bot, pick: (k) => k.firstResponseBotSeconds },
        { label: t.agent, pick: (k) => k.firstResponseHumanSeconds },
      ],
    },
    { id: 'resolution', caption: t.chartResolution, unit: 'minutes', lines: [{ label: t.kpiResolution, pick: (k) => (isNumber(k.resolutionSeconds) ? k.resolutionSeconds / 60 : null) }] },
    {
      id: 'backlog',
      caption: t.chartBacklog,
      unit: 'count',
      lines: [
        { label: t.kpiBacklog, pick: (k) => k.backlog },
        { label: t.kpiOverdue, pick: (k) => k.overdue },
      ],
    },
    {
      id: 'sla',
      caption: t.chartSla,
      unit: 'percent',
      lines: [
        { label: t.kpiSla, pick: (k) => toPercent(k.slaAttainment) },
        { label: t.kpiContainment, pick: (k) => toPercent(k.containment) },
      ],
    },
    {
      id: 'handoff',
      caption: t.chartHandoff,
      unit: 'percent',
      // A bucket without conversations has no rate; with conversations, a missing reason means none were handed off for it.
      lines: reasonsIn(buckets).map((reason) => ({
        label: LOCAL.reasons[reason] ?? reason,
        pick: (k: Kpis) => (isNumber(k.conversations) && k.conversations > 0 ? toPercent(k.handoffRateByReason?.[reason] ?? 0) : null),
      })),
    },
    { id: 'csat', caption: t.chartCsat, unit: 'csat', lines: [{ label: t.kpiCsat, pick: (k) => k.csat?.average ?? null }] },
  ];
}

function yRange(unit: Unit): uPlot.Scale.Range {
  if (unit === 'percent') return [0, 100];
  if (unit === 'csat') return [1, 5];
  // At least 0..1 so that a few tiny values (a bot answering in 0.05 s) do not blow up the axis.
  return (_plot, _min, max) => [0, isNumber(max) ? Math.max(1, max * 1.15) : 1];
}

/** Axis numbers carry as many decimals as the tick step needs: 0.05 s steps read "0,05", 20 % steps "20". */
function axisNumber(increment: number): Intl.NumberFormat {
  const decimals = increment > 0 && increment < 1 ? Math.min(3, Math.ceil(-Math.log10(increment) - 1e-9)) : 0;
  return new Intl.NumberFormat(lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
}

function plotOptions(spec: ChartSpec, period: PeriodKey, width: number): uPlot.Options {
  const hourly = period === '24h';
  const timeLabel = (value: number) => (hourly ? clock : dayMonth).format(new Date(value * 1000));
  return {
    width,
    height: CHART_HEIGHT,
    scales: { x: { time: true }, y: { range: yRange(spec.unit) } },
    axes: [
      {
        space: 64,
        incrs: hourly ? [HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR, 6 * HOUR, 12 * HOUR, DAY] : [DAY, 2 * DAY, 3 * DAY, 7 * DAY, 14 * DAY],
        values: (_plot, splits) => splits.map(timeLabel),
      },
      {
        size: 56,
        incrs: spec.unit === 'count' ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000] : undefined,
        values: (_plot, splits, _axis, _space, increment) => splits.map((value) => axisNumber(increment).format(value)),
      },
    ],
    series: [
      { label: LOCAL.time, value: (_plot, value) => (isNumber(value) ? dateTime.format(new Date(value * 1000)) : '—') },
      ...spec.lines.map((line, index) => ({
        label: line.label,
        stroke: COLOURS[index % COLOURS.length],
        dash: DASHES[index % DASHES.length],
        width: 2,
        points: { show: true, size: 6 },
        value: (_plot: uPlot, value: number | null, _series: number, index: number | null) => (isNumber(value) ? formatUnit(spec.unit, value) : index === null ? '—' : t.noData),
      })),
    ],
    legend: { live: true },
    cursor: { drag: { x: false, y: false } },
  };
}

function plotData(spec: ChartSpec, buckets: readonly Kpis[]): uPlot.AlignedData {
  const xs = buckets.map((bucket) => Math.round(Date.parse(bucket.period.from) / 1000));
  return [xs, ...spec.lines.map((line) => buckets.map((bucket) => {
    const value = line.pick(bucket);
    return isNumber(value) ? value : null;
  }))];
}

/** The same numbers as the chart, as a table, for keyboards and screen readers. */
function dataTable(spec: ChartSpec, buckets: readonly Kpis[], period: PeriodKey): HTMLTableElement {
  const when = period === '24h' ? dateTime : new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  return h(
    'table',
    { className: 'chart-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, LOCAL.time), spec.lines.map((line) => h('th', { scope: 'col' }, line.label)))),
    h(
      'tbody',
      {},
      buckets.map((bucket) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, when.format(new Date(bucket.period.from))),
          spec.lines.map((line) => {
            const value = line.pick(bucket);
            return h('td', { className: 'num' }, isNumber(value) ? formatUnit(spec.unit, value) : t.noData);
          }),
        ),
      ),
    ),
  );
}

const chartWidth = (host: HTMLElement) => Math.max(MIN_CHART_WIDTH, Math.floor(host.clientWidth));

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
    const input = h('input', { id: 'lead-token', type: 'password', autocomplete: 'off', required: true });
    const alert = h('p', { className: 'alert', role: 'alert' }, message);
    const form = h(
      'form',
      {
        className: 'signin',
        onsubmit: (event) => {
          event.preventDefault();
          const token = input.value.trim();
          if (token !== '') void this.start(token, alert);
        },
      },
      h('h1', {}, `${title} — ${t.signInTitle}`),
      h('label', { for: 'lead-token' }, t.tokenLabel),
      input,
      alert,
      h('button', { type: 'submit', className: 'primary' }, t.signIn),
    );
    app.replaceChildren(h('main', { className: 'signin-page' }, form));
    input.focus();
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
      if (error instanceof ApiError && (error.status === 401 || error.status === 403)) sessionStorage.removeItem(TOKEN_KEY);
      const message = fill(t.signInFailed, { message: errorText(error) });
      if (alert === undefined) this.signInForm(message);
      else alert.textContent = message;
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
        h('section', { className: 'kpis', 'aria-labelledby': 'kpis-title' }, h('div', { className: 'section-head' }, h('h2', { id: 'kpis-title' }, LOCAL.kpisTitle), this.updated), this.tiles),
        h('section', { className: 'trends', 'aria-labelledby': 'charts-title' }, h('h2', { id: 'charts-title' }, LOCAL.chartsTitle), this.chartGrid),
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
    this.updated.textContent = fill(LOCAL.updated, { time: clockSeconds.format(new Date()) });
    this.alert.textContent = '';
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
      h('details', {}, h('summary', {}, LOCAL.showTable), data),
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
    const columns = [t.evalDate, LOCAL.cases, t.evalPassRate, t.evalGate, LOCAL.hitAt1, LOCAL.mrr, LOCAL.politeness, LOCAL.factRecall, LOCAL.groundedness, LOCAL.handoffF1, t.evalReport];
    const number = (value: number) => h('td', { className: 'num' }, isNumber(value) ? twoDecimals.format(value) : '—');
    const row = (run: EvalRun) => {
      const date = Number.isNaN(Date.parse(run.createdAt)) ? run.createdAt : dateTime.format(new Date(run.createdAt));
      const { metrics } = run;
      const report = h('button', { type: 'button', className: 'secondary', 'aria-label': fill(LOCAL.reportOf, { date }) }, t.open);
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
    try {
      const response = await fetch(`${location.origin}/v1/evals/${encodeURIComponent(run.id)}/report.html`, { headers: { authorization: `Bearer ${this.token ?? ''}`, accept: 'text/html' } });
      if (!response.ok) {
        const payload = (await response.json().catch(() => undefined)) as { error?: { code?: string; message?: string } } | undefined;
        throw new ApiError(response.status, payload?.error?.code ?? `http_${response.status}`, payload?.error?.message ?? response.statusText);
      }
      const blob = new Blob([await response.text()], { type: 'text/html;charset=utf-8' });
      const url = URL.createObjectURL(blob);
      window.open(url, '_blank', 'noopener');
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.evalAlert.textContent = '';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return this.fail(error);
      this.evalAlert.textContent = fill(t.actionFailed, { message: errorText(error) });
    } finally {
      button.disabled = false;
    }
  }
}

new LeadDashboard(sessionStorage.getItem(TOKEN_KEY) ?? undefined);
