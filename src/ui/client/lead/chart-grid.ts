// The dashboard's charts on the page: a figure per chart with its uPlot plot and the same numbers as a table,
// updated in place when only the data changed, and resized with the window. Runtime: browser.
import uPlot from 'uplot';
import type { Kpis } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import {
  CHART_HEIGHT,
  chartSpecs,
  chartWidth,
  dataTable,
  plotData,
  plotOptions,
  type Chart,
  type ChartSpec,
} from './chart-specs.ts';
import type { PeriodKey } from './lead-format.ts';

export class ChartGrid {
  readonly element = h('div', { className: 'charts' });
  private readonly charts = new Map<string, Chart>();

  show(buckets: readonly Kpis[], period: PeriodKey): void {
    const specs = chartSpecs(buckets);
    for (const spec of specs) {
      const chart = this.charts.get(spec.id) ?? this.create(spec);
      const data = plotData(spec, buckets);
      const signature = `${period}|${spec.lines.map((line) => line.label).join('|')}`;
      const empty = data.slice(1).every((values) => Array.from(values).every((value) => value === null));
      chart.figure.classList.toggle('empty', empty);
      if (chart.plot !== undefined && chart.signature === signature) chart.plot.setData(data);
      else {
        chart.plot?.destroy();
        chart.plot = new uPlot(plotOptions(spec, period, chartWidth(chart.host)), data, chart.host);
        chart.signature = signature;
      }
      chart.data.replaceChildren(dataTable(spec, buckets, period));
    }
  }

  resize(): void {
    for (const chart of this.charts.values()) {
      const width = chartWidth(chart.host);
      if (chart.plot !== undefined && chart.plot.width !== width) chart.plot.setSize({ width, height: CHART_HEIGHT });
    }
  }

  /** Frees the plots (signed out); the figures stay on the page until it is redrawn. */
  destroy(): void {
    for (const chart of this.charts.values()) chart.plot?.destroy();
    this.charts.clear();
  }

  /** Removes the figures: a fresh dashboard. */
  empty(): void {
    this.element.replaceChildren();
  }

  private create(spec: ChartSpec): Chart {
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
    this.element.append(figure);
    const chart: Chart = { host, figure, data };
    this.charts.set(spec.id, chart);
    return chart;
  }
}
