// Text normalisation and word splitting shared by retrieval and the detectors. Runtime: any.
import { RecentCache, stringBytes } from '../util/recent-cache.ts';

const WORD = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*/gu;
// Every combining mark but the breve, so «й» survives decomposition while «ё» and «é» fold.
const COMBINING = /[\u0300-\u0305\u0307-\u036f]/g;

/**
 * Characters that Unicode decomposition leaves as they are, or (ё, й) that the steps below give back
 * unchanged: ASCII, the basic Cyrillic alphabet, and common typographic marks. Text made only of these,
 * which is most text here, skips the two normalisation passes.
 */
const STABLE = /^[\t\n\r\u0020-\u007f\u0401\u0410-\u044f\u0451«»‘’“”„–—]*$/;

/** Lower-cases, folds «ё» to «е», strips accents and unifies apostrophes. */
export function normalize(text: string): string {
  return text.length > MEMO_MAX_LENGTH ? normalizeText(text) : normalized.through(text, normalizeText);
}

/**
 * The detectors, retrieval and the grader normalise the same message again and again; long texts (articles)
 * are not kept.
 */
const MEMO_MAX_LENGTH = 4_096;
const normalized = new RecentCache<string, string>(1024, {
  maxBytes: 4 << 20,
  weigh: (key, value) => stringBytes(key) + stringBytes(value),
});

function normalizeText(text: string): string {
  if (STABLE.test(text)) return text.toLowerCase().replace(/ё/g, 'е').replace(/[’`]/g, "'");
  return text
    .normalize('NFKD')
    .replace(COMBINING, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[’`]/g, "'");
}

/** Splits normalised text into words; hyphenated words stay whole ("wi-fi", "смс-ка"). */
export function words(text: string): string[] {
  return normalize(text).match(WORD) ?? [];
}

export function isCyrillic(word: string): boolean {
  return /[\u0400-\u04ff]/.test(word);
}

export function isLatin(word: string): boolean {
  return /[a-z]/.test(word);
}
