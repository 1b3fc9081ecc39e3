// Fits the confidence model on the shipped eval sets and reports ROC-AUC (see docs/confidence.md).
// Part A, P(in scope): retrieval queries (in scope) against out-of-scope questions.
// Part B, P(top article right | in scope): retrieval queries whose top article is right against those where it is wrong.
// Usage: npm run fit:confidence
import { readFile } from 'node:fs/promises';
import { parseConfig } from '../src/core/config/config.ts';
import { fitLogistic, rocAuc, type LogisticModel } from '../src/core/evals/roc.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import {
  DEFAULT_CONFIDENCE_WEIGHTS,
  retrievalComponents,
  retrievalConfidence,
  type ConfidenceWeights,
  type RetrievalComponents,
} from '../src/core/reply/confidence.ts';
import { openKnowledge } from '../src/platform/node/knowledge-service.ts';

const IN_SCOPE = ['coverage', 'headerCoverage', 'lexical', 'similarity'] as const;
const TOP_RIGHT = ['margin', 'denseMargin', 'lexicalMargin', 'coverageGap', 'agreement'] as const;
const FIT = { l2: 0.001, iterations: 6000 };
const { stored, retriever } = await openKnowledge(parseConfig(process.env));

interface Sample {
  readonly inScope: boolean;
  readonly correct: boolean;
  readonly components: RetrievalComponents;
}

async function samples(path: string, inScope: boolean): Promise<Sample[]> {
  const suite = parseSuite(path, await readFile(path, 'utf8'));
  const result: Sample[] = [];
  for (const entry of suite.cases) {
    const turn = entry.turns[0];
    if (turn === undefined) continue;
    const retrieval = await retriever.retrieve(turn.customer, { k: 20, lang: entry.lang });
    const top = retrieval.articles[0]?.articleId;
    result.push({
      inScope,
      correct: inScope && top !== undefined && (turn.expect.articles ?? []).includes(top),
      components: retrievalComponents(retrieval, stored.index.lexical),
    });
  }
  return result;
}

const row = (sample: Sample, features: readonly (keyof RetrievalComponents)[]) =>
  features.map((feature) => sample.components[feature]);

function fit(train: readonly Sample[]): ConfidenceWeights {
  const a = fitLogistic(
    train.map((sample) => row(sample, IN_SCOPE)),
    train.map((sample) => sample.inScope),
    FIT,
  );
  const inScope = train.filter((sample) => sample.inScope);
  const b = fitLogistic(
    inScope.map((sample) => row(sample, TOP_RIGHT)),
    inScope.map((sample) => sample.correct),
    FIT,
  );
  const named = <T extends readonly string[]>(model: LogisticModel, features: T) => ({
    bias: model.bias,
    ...Object.fromEntries(features.map((feature, index) => [feature, model.weights[index] ?? 0])),
  });
  return { inScope: named(a, IN_SCOPE), topRight: named(b, TOP_RIGHT) } as ConfidenceWeights;
}

const data = [...(await samples('evals/retrieval.yaml', true)), ...(await samples('evals/out-of-scope.yaml', false))];
const weights = fit(data);
const folds = 5;
const crossValidated = new Array<number>(data.length).fill(0);
for (let fold = 0; fold < folds; fold += 1) {
  const foldWeights = fit(data.filter((_, index) => index % folds !== fold));
  data.forEach((sample, index) => {
    if (index % folds === fold) crossValidated[index] = retrievalConfidence(sample.components, foldWeights);
  });
}

const inScope = data.map((sample, index) => ({ sample, index })).filter(({ sample }) => sample.inScope);
const aucOn = (scores: readonly number[], subset: typeof inScope) =>
  rocAuc(
    subset.map(({ index }) => scores[index] ?? 0),
    subset.map(({ sample }) => sample.correct),
  );
const fitted = data.map((sample) => retrievalConfidence(sample.components, weights));
const defaults = data.map((sample) => retrievalConfidence(sample.components, DEFAULT_CONFIDENCE_WEIGHTS));
const round = (_key: string, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(3)) : value);

process.stdout.write(
  `samples: ${data.length} (${inScope.length} in scope, ${data.length - inScope.length} out of scope); top article right: ${data.filter((sample) => sample.correct).length}\n`,
);
process.stdout.write(`fitted weights: ${JSON.stringify(weights, round)}\n`);
process.stdout.write(
  `ROC-AUC, "top article correct" on the retrieval set: 5-fold CV ${aucOn(crossValidated, inScope).toFixed(3)}, in-sample ${aucOn(fitted, inScope).toFixed(3)}, shipped defaults ${aucOn(defaults, inScope).toFixed(3)}\n`,
);
process.stdout.write(
  `ROC-AUC with out-of-scope questions as negatives: 5-fold CV ${rocAuc(
    crossValidated,
    data.map((sample) => sample.correct),
  ).toFixed(3)}, shipped defaults ${rocAuc(
    defaults,
    data.map((sample) => sample.correct),
  ).toFixed(3)}\n`,
);
process.stdout.write('threshold | answered | accuracy of answered | out-of-scope handed off (5-fold CV scores)\n');
for (const threshold of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const answered = data.filter((_, index) => (crossValidated[index] ?? 0) >= threshold);
  const outOfScope = data.map((sample, index) => ({ sample, index })).filter(({ sample }) => !sample.inScope);
  const handedOff = outOfScope.filter(({ index }) => (crossValidated[index] ?? 0) < threshold).length;
  process.stdout.write(
    `${threshold.toFixed(2)} | ${answered.length}/${data.length} | ${(answered.filter((sample) => sample.correct).length / Math.max(1, answered.length)).toFixed(3)} | ${handedOff}/${outOfScope.length}\n`,
  );
}
