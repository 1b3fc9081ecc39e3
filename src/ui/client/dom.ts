// A tiny element builder: text is always set as text, never parsed as HTML. Runtime: browser.
import { STRINGS, type UiLang } from '../i18n.ts';

type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | number | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'className') element.className = String(value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** "1 h 05 min", "4 min 09 s", "12 s". */
export function duration(seconds: number, lang: UiLang): string {
  const s = Math.max(0, Math.round(Math.abs(seconds)));
  const { hourShort: hour, minuteShort: minute, secondShort: second } = STRINGS[lang];
  if (s >= 3600)
    return `${Math.floor(s / 3600)} ${hour} ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} ${minute}`;
  if (s >= 60) return `${Math.floor(s / 60)} ${minute} ${String(s % 60).padStart(2, '0')} ${second}`;
  return `${s} ${second}`;
}
