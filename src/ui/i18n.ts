// The web UI's languages and how its strings are looked up; the strings themselves are data, one module per
// language (strings/ru.ts, strings/en.ts). Shared by the server pages and the browser scripts. Runtime: any.
import { en, enLabels, enPages } from './strings/en.ts';
import { ru, ruLabels, ruPages } from './strings/ru.ts';
import type { PageStrings, UiLabels, UiStrings } from './strings/ui-strings.ts';

export type { PageStrings, UiStrings } from './strings/ui-strings.ts';
export type UiLang = 'ru' | 'en';

export const STRINGS: Readonly<Record<UiLang, UiStrings>> = { ru, en };

/** What only the server's pages say. */
export const PAGE_STRINGS: Readonly<Record<UiLang, PageStrings>> = { ru: ruPages, en: enPages };

/** Names of handoff reasons, ticket states, priorities and moods as people read them. */
export const LABELS: Readonly<Record<UiLang, UiLabels>> = { ru: ruLabels, en: enLabels };

/** Picks a supported language from a tag such as `en-GB` or `ru`; Russian otherwise. */
export function uiLang(tag: string | null | undefined): UiLang {
  return (tag ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'ru';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
}

/** A label by its key; a key without one reads as itself. */
export function label(lang: UiLang, key: string): string {
  const labels: Readonly<Record<string, string>> = LABELS[lang];
  return labels[key] ?? key;
}
