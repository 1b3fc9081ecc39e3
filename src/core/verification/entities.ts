// Named things in text: quoted names (buttons, sections, plans), menu paths, product codes and capitalised
// plan or product names after words such as «тариф» or "plan". Runtime: any.
import { termsOf } from './claim-terms.ts';

export type EntityKind = 'quoted' | 'menu' | 'code' | 'name';

export interface Entity {
  readonly kind: EntityKind;
  /** The name's content terms (stemmed), joined by spaces: «Оптиме» and «Оптима» give the same key. */
  readonly key: string;
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const QUOTED = /«([^«»\n]{2,60})»|"([^"\n]{2,60})"|“([^“”\n]{2,60})”|„([^„“\n]{2,60})“/gu;
const ARROW = /\s*(?:→|->|=>|›|>)\s*/gu;
const CODE = /(?<![\p{L}\d])(?=[A-Za-z\d-]*\d)(?=[A-Za-z\d-]*[A-Za-z])[A-Za-z][A-Za-z\d-]*\d[A-Za-z\d]*(?![\p{L}\d])|(?<![\p{L}\d])\d+[KkКк](?![\p{L}\d])/gu;
/** A capitalised name right after a word that introduces one, or before "plan". */
const NAME = /(?<![\p{L}])(?:тариф\p{L}*|пакет\p{L}*|приставк\p{L}*|роутер\p{L}*|приложени\p{L}*|раздел\p{L}*|меню|кнопк\p{L}*|вкладк\p{L}*|акци\p{L}*|plan|package|router|app|section|menu|button|tab|promotion|offer)\s+(\p{Lu}[\p{L}\d-]*(?:\s+\p{Lu}[\p{L}\d-]*)?)|(?<![\p{L}])(\p{Lu}[\p{L}\d-]*)\s+(?:plan|package|tariff)(?![\p{L}])/gu;

const keyOf = (text: string) => termsOf(text).join(' ');

/** Named things in order of appearance; a quoted name inside a menu path is part of the path. */
export function entitiesOf(text: string): Entity[] {
  const found: Entity[] = [];
  for (const match of text.matchAll(QUOTED)) {
    const inner = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const key = keyOf(inner);
    if (key !== '') found.push({ kind: 'quoted', key, text: inner, start: match.index, end: match.index + match[0].length });
  }
  for (const match of text.matchAll(NAME)) {
    const name = match[1] ?? match[2] ?? '';
    const start = match.index + match[0].indexOf(name);
    if (found.some((entity) => start >= entity.start && start < entity.end)) continue;
    const key = keyOf(name);
    if (key !== '') found.push({ kind: 'name', key, text: name, start, end: start + name.length });
  }
  for (const match of text.matchAll(CODE)) {
    if (found.some((entity) => match.index >= entity.start && match.index < entity.end)) continue;
    found.push({ kind: 'code', key: match[0].toLowerCase(), text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return found.sort((left, right) => left.start - right.start);
}

/**
 * Menu paths ("Профиль → Личные данные", "Settings > Wi-Fi"): the words next to each arrow, one entity each.
 * Only the word touching the arrow is taken on each side: around it may be the reply's own verbs.
 */
export function menuStepsOf(text: string): Entity[] {
  const steps: Entity[] = [];
  for (const match of text.matchAll(ARROW)) {
    const before = /([\p{L}\d-]+)[»"”]?$/u.exec(text.slice(0, match.index));
    const afterStart = match.index + match[0].length;
    const after = /^[«"“]?([\p{L}\d-]+)/u.exec(text.slice(afterStart));
    if (before?.[1] === undefined || after?.[1] === undefined) continue;
    for (const [word, start] of [[before[1], match.index - before[0].length], [after[1], afterStart]] as const) {
      const key = keyOf(word);
      if (key !== '' && !steps.some((step) => step.start === start)) steps.push({ kind: 'menu', key, text: word, start, end: start + word.length });
    }
  }
  return steps;
}
