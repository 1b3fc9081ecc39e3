// Which macros a search finds: every word of the query appears in the title or the text, ignoring case and the
// difference between «ё» and «е». Shared by every macro store so they all find the same. Runtime: any.
import type { Macro } from './macro.ts';

const normalize = (text: string): string => text.toLocaleLowerCase('ru').replaceAll('ё', 'е');

/** The query's words, normalized; an empty list matches everything. */
export function queryWords(query: string | undefined): string[] {
  return normalize(query ?? '')
    .split(/\s+/)
    .filter((word) => word !== '');
}

/** True when each word occurs in the macro's title or text (as a substring, so `greet` finds "Greeting"). */
export function macroMatches(macro: Pick<Macro, 'title' | 'text'>, words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const haystack = normalize(`${macro.title}\n${macro.text}`);
  return words.every((word) => haystack.includes(word));
}

/** Title matches first, then by title: the macro named like the query is the one the agent means. */
export function rankMacros<T extends Pick<Macro, 'title' | 'text'>>(macros: readonly T[], query?: string): T[] {
  const words = queryWords(query);
  const inTitle = (macro: T) => words.every((word) => normalize(macro.title).includes(word));
  return macros
    .filter((macro) => macroMatches(macro, words))
    .sort((left, right) => Number(inTitle(right)) - Number(inTitle(left)) || left.title.localeCompare(right.title));
}
