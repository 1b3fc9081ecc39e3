// Text the widget renders in its current language and re-renders when the language changes: each such element
// remembers its string's key and placeholder values in data attributes. Runtime: browser.
import { fill, type UiStrings } from '../../i18n.ts';
import { h } from '../dom.ts';

export type StringKey = keyof UiStrings;
export type StringValues = Readonly<Record<string, string | number>>;

/** A span showing `t[key]` filled with `values`, then `suffix`; `relabel` renders it again in another language. */
export function localText(t: UiStrings, key: StringKey, values: StringValues = {}, suffix = ''): HTMLSpanElement {
  const span = h('span', { 'data-t': key, 'data-suffix': suffix === '' ? undefined : suffix });
  if (Object.keys(values).length > 0) span.dataset.values = JSON.stringify(values);
  span.textContent = fill(t[key], values) + suffix;
  return span;
}

/** Renders every `localText` under `root` in `t`'s language. */
export function relabel(root: ParentNode, t: UiStrings): void {
  for (const element of root.querySelectorAll<HTMLElement>('[data-t]')) {
    const key = element.dataset.t as StringKey;
    if (!(key in t)) continue;
    const values = element.dataset.values === undefined ? {} : (JSON.parse(element.dataset.values) as StringValues);
    element.textContent = fill(t[key], values) + (element.dataset.suffix ?? '');
  }
}
