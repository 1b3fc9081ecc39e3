// Validates the graders and the emotion detector against human-labelled data in ../shared/data
// (not part of npm test: a clone has no ../shared). Usage: npm run validate:graders
import { readFile } from 'node:fs/promises';
import { detectEmotion } from '../src/core/handoff/emotion.ts';
import { politeness } from '../src/core/graders/politeness.ts';

const DATA = '../shared/data';

function parseCsv(text: string): string[][] {
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

function spearman(left: readonly number[], right: readonly number[]): number {
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

const results: string[] = [];

const tydip = parseCsv(await readFile(`${DATA}/politeness/tydip_en_train.csv`, 'utf8')).slice(1).filter((row) => row.length >= 2 && row[1] !== '');
const rho = spearman(tydip.map((row) => politeness(row[0] ?? '').score), tydip.map((row) => Number(row[1])));
results.push(`| politeness vs human scores (TyDiP, en) | Spearman ρ | ${rho.toFixed(3)} | ≥ 0.50 | ${tydip.length} |`);

for (const [lang, file, toxicColumn, neutralColumns] of [
  ['ru', 'toxicity/ru_paradetox_train.tsv', 1, [2, 3, 4]],
  ['en', 'toxicity/en_paradetox_dev.tsv', 0, [1, 2, 3]],
] as const) {
  const lines = (await readFile(`${DATA}/${file}`, 'utf8')).split('\n').slice(1).filter((line) => line.trim() !== '');
  let pairs = 0;
  let correct = 0;
  for (const line of lines) {
    const columns = line.split('\t');
    const toxic = politeness(columns[toxicColumn] ?? '').score;
    for (const column of neutralColumns) {
      const neutral = columns[column]?.trim();
      if (neutral === undefined || neutral === '') continue;
      pairs += 1;
      if (politeness(neutral).score > toxic) correct += 1;
    }
  }
  results.push(`| neutral rewrite above toxic original (ParaDetox, ${lang}) | pairwise accuracy | ${(correct / pairs).toFixed(3)} | ≥ 0.90 | ${pairs} |`);
}

const cedr = parseCsv(await readFile(`${DATA}/emotion/cedr_ru_train.csv`, 'utf8')).slice(1).filter((row) => row.length >= 2);
let truePositive = 0;
let falsePositive = 0;
let falseNegative = 0;
let neutralTexts = 0;
for (const row of cedr) {
  const labels = (row[1] ?? '').replace(/[[\]]/g, ' ').split(/[\s,]+/).filter(Boolean).map(Number);
  const escalation = labels.some((label) => label === 1 || label === 3 || label === 4);
  const detected = detectEmotion(row[0] ?? '').label !== 'neutral';
  if (labels.length === 0) neutralTexts += 1;
  if (escalation && detected) truePositive += 1;
  else if (!escalation && detected) falsePositive += 1;
  else if (escalation && !detected) falseNegative += 1;
}
const precision = truePositive / Math.max(1, truePositive + falsePositive);
const recall = truePositive / Math.max(1, truePositive + falseNegative);
results.push(`| escalation emotions: sadness, fear, anger (CEDR, ru) | F1 (P ${precision.toFixed(3)}, R ${recall.toFixed(3)}) | ${((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(4)} | ≥ 0.75 | ${cedr.length} (${neutralTexts} without emotion) |`);

process.stdout.write(`| measure | metric | value | target | rows |\n|---|---|---:|---:|---:|\n${results.join('\n')}\n`);
