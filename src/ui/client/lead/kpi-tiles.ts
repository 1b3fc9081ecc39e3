// The KPI tiles above the charts: one value per tile in the page's language, "no data" where a period has none.
// Runtime: browser.
import { fill } from '../../i18n.ts';
import type { Kpis } from '../api-types.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { integer, isNumber, oneDecimal, seconds, share } from './lead-format.ts';

interface Tile {
  readonly key: string;
  readonly label: string;
  readonly value: (kpis: Kpis) => string | null;
  readonly hint?: (kpis: Kpis) => string | null;
}

const TILES: readonly Tile[] = [
  {
    key: 'firstResponseBot',
    label: t.kpiFirstResponseBot,
    value: (k) => (isNumber(k.firstResponseBotSeconds) ? seconds(k.firstResponseBotSeconds) : null),
  },
  {
    key: 'firstResponseHuman',
    label: t.kpiFirstResponseHuman,
    value: (k) => (isNumber(k.firstResponseHumanSeconds) ? seconds(k.firstResponseHumanSeconds) : null),
  },
  {
    key: 'resolution',
    label: t.kpiResolution,
    value: (k) => (isNumber(k.resolutionSeconds) ? seconds(k.resolutionSeconds) : null),
  },
  {
    key: 'conversations',
    label: t.kpiConversations,
    value: (k) => (isNumber(k.conversations) ? integer.format(k.conversations) : null),
  },
  { key: 'tickets', label: t.kpiTickets, value: (k) => (isNumber(k.tickets) ? integer.format(k.tickets) : null) },
  { key: 'backlog', label: t.kpiBacklog, value: (k) => (isNumber(k.backlog) ? integer.format(k.backlog) : null) },
  { key: 'overdue', label: t.kpiOverdue, value: (k) => (isNumber(k.overdue) ? integer.format(k.overdue) : null) },
  { key: 'sla', label: t.kpiSla, value: (k) => (isNumber(k.slaAttainment) ? share(k.slaAttainment) : null) },
  {
    key: 'containment',
    label: t.kpiContainment,
    value: (k) => (isNumber(k.containment) ? share(k.containment) : null),
  },
  {
    key: 'csat',
    label: t.kpiCsat,
    value: (k) => (isNumber(k.csat?.average) ? `${oneDecimal.format(k.csat.average)} / 5` : null),
    hint: (k) =>
      isNumber(k.csat?.responses) && k.csat.responses > 0
        ? fill(t.csatResponses, { count: integer.format(k.csat.responses) })
        : null,
  },
];

/** Draws the tiles; without `kpis` (still loading) every value reads "…". */
export function renderTiles(container: HTMLElement, kpis: Kpis | undefined): void {
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
