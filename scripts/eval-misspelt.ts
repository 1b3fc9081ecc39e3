// Confidence calibration on misspelt questions: every question of the retrieval and first-questions sets, as
// written and with typos (one edit in about half of the longer words: a dropped, doubled, swapped or
// neighbouring-key letter; seeded, so the same typos every run), through the offline reply pipeline. For each
// version: how often the bot answers, how often what it answers cites the right article, and the expected
// calibration error of its confidence. Usage: npm run eval:misspelt [-- --suite FILE ...]
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { parseConfig } from '../src/core/config/config.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { prng } from '../src/core/util/prng.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';
import { createReplyPipeline } from '../src/platform/node/services.ts';

const { values } = parseArgs({ options: { suite: { type: 'string', multiple: true } } });
const files = values.suite ?? ['evals/retrieval.yaml', 'evals/first-questions.yaml'];

const NEIGHBOURS: Record<string, string> = {
  а: 'ов',
  о: 'ал',
  е: 'ик',
  и: 'ет',
  п: 'ар',
  р: 'по',
  н: 'ег',
  т: 'иь',
  с: 'мч',
  в: 'ыа',
  л: 'до',
  к: 'уе',
  м: 'си',
  д: 'лж',
  я: 'чф',
  ы: 'вф',
  у: 'кц',
  з: 'хщ',
  ь: 'тб',
  б: 'ью',
  a: 'sq',
  e: 'wr',
  i: 'uo',
  o: 'ip',
  s: 'ad',
  t: 'ry',
  n: 'bm',
  r: 'et',
  l: 'ko',
  c: 'xv',
  d: 'sf',
  u: 'yi',
  m: 'n',
  p: 'o',
  h: 'gj',
  g: 'fh',
  y: 'tu',
  w: 'qe',
  b: 'vn',
  k: 'jl',
};

/** The question with one typo in about half of its words of five letters or more. */
function misspell(text: string, seed: number): string {
  const random = prng(seed);
  return text.replace(/\p{L}{5,}/gu, (word) => {
    if (random() < 0.5) return word;
    const at = 1 + Math.floor(random() * (word.length - 2));
    const kind = Math.floor(random() * 4);
    const char = word[at] ?? '';
    if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
    if (kind === 1) return word.slice(0, at) + char + word.slice(at);
    if (kind === 2) return word.slice(0, at) + (word[at + 1] ?? '') + char + word.slice(at + 2);
    const options = NEIGHBOURS[char.toLowerCase()] ?? char;
    return word.slice(0, at) + (options[Math.floor(random() * options.length)] ?? char) + word.slice(at + 1);
  });
}

const config = parseConfig(process.env);
const knowledge = await openKnowledge(config);
const pipeline = createReplyPipeline(config, knowledge, { info() {}, warn() {}, error() {} });

interface Outcome {
  readonly lang: 'ru' | 'en';
  readonly answered: boolean;
  readonly right: boolean;
  readonly confidence: number;
}

async function outcome(text: string, lang: 'ru' | 'en', expected: readonly string[], index: number): Promise<Outcome> {
  const reply = await pipeline.reply({
    conversation: {
      id: `misspelt-${index}`,
      lang: null,
      customer: {},
      channel: 'api',
      status: 'bot',
      createdAt: '',
      updatedAt: '',
    },
    history: [],
    text,
  });
  const cited = reply.meta.citations[0]?.articleId;
  return {
    lang,
    answered: reply.meta.action === 'answer',
    right: cited !== undefined && expected.includes(cited),
    confidence: reply.meta.confidence.score,
  };
}

/** Expected calibration error over ten confidence bins, of answered or not: P(right) against confidence. */
function ece(outcomes: readonly Outcome[]): number {
  let total = 0;
  for (let bin = 0; bin < 10; bin += 1) {
    const inBin = outcomes.filter((entry) => Math.min(9, Math.floor(entry.confidence * 10)) === bin);
    if (inBin.length === 0) continue;
    const confidence = inBin.reduce((sum, entry) => sum + entry.confidence, 0) / inBin.length;
    const accuracy = inBin.filter((entry) => entry.right).length / inBin.length;
    total += (inBin.length / outcomes.length) * Math.abs(confidence - accuracy);
  }
  return total;
}

const row = (name: string, outcomes: readonly Outcome[]) => {
  const answered = outcomes.filter((entry) => entry.answered);
  const meanConfidence = outcomes.reduce((sum, entry) => sum + entry.confidence, 0) / Math.max(1, outcomes.length);
  return `| ${name} | ${outcomes.length} | ${(answered.length / Math.max(1, outcomes.length)).toFixed(3)} | ${(answered.filter((entry) => entry.right).length / Math.max(1, answered.length)).toFixed(3)} | ${(outcomes.filter((entry) => entry.right).length / Math.max(1, outcomes.length)).toFixed(3)} | ${meanConfidence.toFixed(3)} | ${ece(outcomes).toFixed(3)} |`;
};

const lines = [
  '| questions | n | answered | right when answered | right first overall | mean confidence | ECE |',
  '|---|---:|---:|---:|---:|---:|---:|',
];
for (const file of files) {
  const suite = parseSuite(file, await readFile(file, 'utf8'));
  const clean: Outcome[] = [];
  const misspelt: Outcome[] = [];
  let index = 0;
  for (const entry of suite.cases) {
    const turn = entry.turns[0];
    if (turn?.expect.articles === undefined) continue;
    const lang = entry.lang ?? (/[а-яё]/iu.test(turn.customer) ? 'ru' : 'en');
    index += 1;
    clean.push(await outcome(turn.customer, lang, turn.expect.articles, index));
    misspelt.push(await outcome(misspell(turn.customer, index), lang, turn.expect.articles, index + 100_000));
  }
  for (const lang of ['ru', 'en'] as const) {
    lines.push(
      row(
        `${file} ${lang}, as written`,
        clean.filter((entry) => entry.lang === lang),
      ),
      row(
        `${file} ${lang}, misspelt`,
        misspelt.filter((entry) => entry.lang === lang),
      ),
    );
  }
}
process.stdout.write(`${lines.join('\n')}\n`);
