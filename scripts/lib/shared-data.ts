// Reading the human-labelled development data in ../shared/data, and splitting it into the part the graders
// are fitted on and a held-out part never used for fitting (by a hash of the text, so the split is stable).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';

export const SHARED = '../shared/data';

/** One in five rows, chosen by the text's hash, is held out. */
export function isHeldOut(text: string): boolean {
  return (createHash('sha256').update(text).digest()[0] ?? 0) % 5 === 0;
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') {
      row.push(field.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      field = '';
    } else field += char;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

export interface Rated {
  readonly text: string;
  readonly score: number;
}

/** TyDiP English: sentences with a human politeness score. */
export async function tydip(): Promise<Rated[]> {
  return parseCsv(await readFile(`${SHARED}/politeness/tydip_en_train.csv`, 'utf8'))
    .slice(1)
    .filter((row) => row.length >= 2 && row[1] !== '')
    .map((row) => ({ text: row[0] ?? '', score: Number(row[1]) }));
}

export interface EmotionRow {
  readonly text: string;
  /** Sadness, fear or anger: the emotions a support conversation escalates on. */
  readonly escalation: boolean;
  readonly none: boolean;
}

/** CEDR Russian: texts with their emotion labels (0 joy, 1 sadness, 2 surprise, 3 fear, 4 anger). */
export async function cedr(): Promise<EmotionRow[]> {
  return parseCsv(await readFile(`${SHARED}/emotion/cedr_ru_train.csv`, 'utf8'))
    .slice(1)
    .filter((row) => row.length >= 2)
    .map((row) => {
      const labels = (row[1] ?? '')
        .replace(/[[\]]/g, ' ')
        .split(/[\s,]+/)
        .filter(Boolean)
        .map(Number);
      return {
        text: row[0] ?? '',
        escalation: labels.some((label) => label === 1 || label === 3 || label === 4),
        none: labels.length === 0,
      };
    });
}

export interface DetoxPair {
  readonly toxic: string;
  readonly neutral: readonly string[];
}

/** ParaDetox pairs: a toxic original and its neutral rewrites. */
export async function paradetox(lang: 'ru' | 'en'): Promise<DetoxPair[]> {
  const [file, toxicColumn, neutralColumns] =
    lang === 'ru'
      ? (['toxicity/ru_paradetox_train.tsv', 1, [2, 3, 4]] as const)
      : (['toxicity/en_paradetox_dev.tsv', 0, [1, 2, 3]] as const);
  const lines = (await readFile(`${SHARED}/${file}`, 'utf8'))
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '');
  return lines.map((line) => {
    const columns = line.split('\t');
    return {
      toxic: columns[toxicColumn] ?? '',
      neutral: neutralColumns.map((column) => columns[column]?.trim() ?? '').filter((text) => text !== ''),
    };
  });
}

function ranks(values: readonly number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((left, right) => left.value - right.value);
  const result = new Array<number>(values.length).fill(0);
  let position = 0;
  while (position < order.length) {
    let end = position;
    while (end + 1 < order.length && order[end + 1]?.value === order[position]?.value) end += 1;
    for (let tie = position; tie <= end; tie += 1) result[order[tie]?.index ?? 0] = (position + end) / 2 + 1;
    position = end + 1;
  }
  return result;
}

export function spearman(left: readonly number[], right: readonly number[]): number {
  const a = ranks(left);
  const b = ranks(right);
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const ma = mean(a);
  const mb = mean(b);
  let covariance = 0;
  let va = 0;
  let vb = 0;
  a.forEach((value, index) => {
    const x = value - ma;
    const y = (b[index] ?? 0) - mb;
    covariance += x * y;
    va += x * x;
    vb += y * y;
  });
  return covariance / Math.sqrt(va * vb);
}
