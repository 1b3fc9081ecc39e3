// Customer wording for `npm run bench:api`, from the repository's eval suites (Russian and English): first
// questions on topics the bot answers itself, follow-ups of the multi-turn answer cases, and requests for a person.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';

export type Lang = 'ru' | 'en';

/** A scripted start of a conversation: its first question and the follow-ups the suite gives it (maybe none). */
export interface Opening {
  readonly lang: Lang;
  readonly texts: readonly string[];
}

export interface CustomerTexts {
  readonly openings: readonly Opening[];
  readonly questions: Readonly<Record<Lang, readonly string[]>>;
  readonly personRequests: Readonly<Record<Lang, readonly string[]>>;
}

/** Topics the bot always hands to a person: left out of the questions so tickets stay a few percent, as asked for. */
const HANDOFF_TOPICS = /^(?:account-hacked|billing-dispute|data-request|account-deletion|legal-claims)-/;

interface SuiteCase {
  readonly lang: Lang;
  readonly tags: readonly string[];
  readonly turns: ReadonlyArray<{ readonly customer: string; readonly articles: readonly string[] }>;
}

const record = (value: unknown): Record<string, unknown> =>
  typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

async function readSuite(root: string, name: string): Promise<SuiteCase[]> {
  const path = join(root, 'evals', name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return [];
  }
  const cases = record(parse(text)).cases;
  if (!Array.isArray(cases)) throw new Error(`${path}: no cases`);
  return cases.flatMap((raw): SuiteCase[] => {
    const entry = record(raw);
    const lang = entry.lang;
    if (lang !== 'ru' && lang !== 'en') return [];
    const turns = (Array.isArray(entry.turns) ? entry.turns : []).map((turn) => {
      const fields = record(turn);
      return {
        customer: typeof fields.customer === 'string' ? fields.customer.trim() : '',
        articles: strings(record(fields.expect).articles),
      };
    });
    if (turns.length === 0 || turns.some((turn) => turn.customer === '')) return [];
    return [{ lang, tags: strings(entry.tags), turns }];
  });
}

/** Reads the suites under `root` (the checkout whose evals describe the product). */
export async function loadCustomerTexts(root: string): Promise<CustomerTexts> {
  const [firstQuestions, answers, handoff] = await Promise.all([
    readSuite(root, 'first-questions.yaml'),
    readSuite(root, 'answers.yaml'),
    readSuite(root, 'handoff.yaml'),
  ]);
  const answerable = (entry: SuiteCase) =>
    !entry.turns.some((turn) => turn.articles.some((article) => HANDOFF_TOPICS.test(article)));
  const openings: Opening[] = [...firstQuestions, ...answers]
    .filter(answerable)
    .map((entry) => ({ lang: entry.lang, texts: entry.turns.map((turn) => turn.customer) }));
  const byLang = (entries: readonly Opening[], lang: Lang) => [
    ...new Set(entries.filter((entry) => entry.lang === lang).map((entry) => entry.texts[0] ?? '')),
  ];
  const persons = handoff.filter((entry) => entry.tags.includes('human_request') && entry.turns.length === 1);
  const personRequests = {
    ru: persons.filter((entry) => entry.lang === 'ru').map((entry) => entry.turns[0]?.customer ?? ''),
    en: persons.filter((entry) => entry.lang === 'en').map((entry) => entry.turns[0]?.customer ?? ''),
  };
  const texts: CustomerTexts = {
    openings,
    questions: { ru: byLang(openings, 'ru'), en: byLang(openings, 'en') },
    personRequests,
  };
  for (const lang of ['ru', 'en'] as const) {
    if (texts.questions[lang].length < 5 || texts.personRequests[lang].length === 0)
      throw new Error(`the eval suites under ${root}/evals give too few ${lang} texts for the benchmark`);
  }
  return texts;
}
