// A figure's change against the previous period: an arrow, the percentage, and in words whether it got better or
// worse, so the colour is never the only cue. Runtime: browser.
import { fill } from '../../i18n.ts';
import { h } from '../dom.ts';
import { t } from '../page-lang.ts';
import { isNumber, percentFormat } from './lead-format.ts';

/** Which way is good for a figure: up (resolved, CSAT), down (times, breaches, backlog), or neither (volume). */
export type Better = 'up' | 'down' | 'neither';

/** The change of `current` against `previous`, shown with `format` for the previous value. */
export function changeBadge(
  current: number | null,
  previous: number | null,
  better: Better,
  format: (value: number) => string,
): HTMLElement {
  if (!isNumber(current) && !isNumber(previous)) return h('span', { className: 'change same' });
  const before = isNumber(previous) ? format(previous) : '—';
  if (!isNumber(current) || !isNumber(previous) || previous === 0) {
    if (current === previous || (current === 0 && !isNumber(previous)))
      return h(
        'span',
        { className: 'change same', title: t.reportSame },
        '=',
        h('span', { className: 'sr-only' }, t.reportSame),
      );
    const words = fill(t.reportChanged, { previous: before });
    return h(
      'span',
      { className: 'change new', title: words },
      `● ${t.reportNew}`,
      h('span', { className: 'sr-only' }, words),
    );
  }
  if (current === previous)
    return h(
      'span',
      { className: 'change same', title: t.reportSame },
      '= 0 %',
      h('span', { className: 'sr-only' }, t.reportSame),
    );
  const up = current > previous;
  const verdict = better === 'neither' ? 'changed' : (better === 'up') === up ? 'better' : 'worse';
  const words = fill(verdict === 'better' ? t.reportBetter : verdict === 'worse' ? t.reportWorse : t.reportChanged, {
    previous: before,
  });
  const share = percentFormat.format(Math.abs(current - previous) / previous);
  return h(
    'span',
    { className: `change ${verdict}`, title: words, 'data-verdict': verdict },
    `${up ? '▲ +' : '▼ −'}${share}`,
    h('span', { className: 'sr-only' }, words),
  );
}
