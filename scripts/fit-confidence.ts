// Fits the confidence weights (logistic regression) on the shipped eval sets and reports ROC-AUC.
// Positives: retrieval queries whose top article is right. Negatives: wrong top article, and
// out-of-scope questions (no article can be right). Usage: npm run fit:confidence
import { readFile } from 'node:fs/promises';
import { parseConfig } from '../src/core/config/config.ts';
import { fitLogistic, predict, rocAuc } from '../src/core/evals/roc.ts';
import { parseSuite } from '../src/core/evals/suite.ts';
import { retrievalComponents, retrievalConfidence, DEFAULT_CONFIDENCE_WEIGHTS, type RetrievalComponents } from '../src/core/reply/confidence.ts';
import { openKnowledge } from '../src/runtime/node/knowledge-service.ts';

const FEATURES = ['similarity', 'lexical', 'margin', 'agreement', 'coverage'] as const;
const { stored, retriever } = await openKnowledge(parseConfig(process.env));

interface Sample {
  readonly set: 'retrieval' | 'out-of-scope';
  readonly correct: boolean;
  readonly components: RetrievalComponents;
}

async function samples(path: string, set: Sample['set']): Promise<Sample[]> {
  const suite = parseSuite(path, await readFile(path, 'utf8'));
  const result: Sample[] = [];
  for (const entry of suite.cases) {
    const turn = entry.turns[0];
    if (turn === undefined) continue;
    const retrieval = await retriever.retrieve(turn.customer, { k: 20, lang: entry.lang });
    const top = retrieval.articles[0]?.articleId;
    const correct = set === 'retrieval' && top !== undefined && (turn.expect.articles ?? []).includes(top);
    result.push({ set, correct, components: retrievalComponents(retrieval, stored.index.lexical) });
  }
  return result;
}

const data = [...(await samples('evals/retrieval.yaml', 'retrieval')), ...(await samples('evals/out-of-scope.yaml', 'out-of-scope'))];
const rows = data.map((sample) => FEATURES.map((feature) => sample.components[feature]));
const labels = data.map((sample) => sample.correct);
const model = fitLogistic(rows, labels, { l2: 0.001, iterations: 6000 });
const weights = { bias: model.bias, ...Object.fromEntries(FEATURES.map((feature, index) => [feature, model.weights[index] ?? 0])) } as typeof DEFAULT_CONFIDENCE_WEIGHTS;

// Five-fold cross-validated scores, so the reported AUC is not measured on the rows it was fitted on.
const folds = 5;
const crossValidated = new Array<number>(data.length).fill(0);
for (let fold = 0; fold < folds; fold += 1) {
  const train = data.map((_, index) => index).filter((index) => index % folds !== fold);
  const foldModel = fitLogistic(train.map((index) => rows[index] ?? []), train.map((index) => labels[index] ?? false), { l2: 0.001, iterations: 6000 });
  data.forEach((_, index) => {
    if (index % folds === fold) crossValidated[index] = predict(foldModel, rows[index] ?? []);
  });
}

const score = (weightsToUse: typeof DEFAULT_CONFIDENCE_WEIGHTS) => data.map((sample) => retrievalConfidence(sample.components, weightsToUse));
const retrievalOnly = data.map((sample, index) => ({ sample, index })).filter(({ sample }) => sample.set === 'retrieval');
const auc = (scores: readonly number[], subset: typeof retrievalOnly) => rocAuc(subset.map(({ index }) => scores[index] ?? 0), subset.map(({ sample }) => sample.correct));
const fitted = score(weights);

process.stdout.write(`samples: ${data.length} (${retrievalOnly.length} retrieval, ${data.length - retrievalOnly.length} out-of-scope), positives ${labels.filter(Boolean).length}\n`);
process.stdout.write(`fitted weights: ${JSON.stringify(weights, (key, value: unknown) => (typeof value === 'number' ? Number(value.toFixed(3)) : value))}\n`);
process.stdout.write(`ROC-AUC "top article correct" on the retrieval set: in-sample ${auc(fitted, retrievalOnly).toFixed(3)}, 5-fold CV ${auc(crossValidated, retrievalOnly).toFixed(3)}, current defaults ${auc(score(DEFAULT_CONFIDENCE_WEIGHTS), retrievalOnly).toFixed(3)}\n`);
process.stdout.write(`ROC-AUC with out-of-scope negatives: in-sample ${rocAuc(fitted, labels).toFixed(3)}, 5-fold CV ${rocAuc(crossValidated, labels).toFixed(3)}\n`);
for (const threshold of [0.2, 0.3, 0.4, 0.5, 0.6, 0.7]) {
  const answered = data.filter((_, index) => (crossValidated[index] ?? 0) >= threshold);
  const outOfScope = data.filter((sample) => sample.set === 'out-of-scope');
  const handedOff = outOfScope.filter((sample) => (crossValidated[data.indexOf(sample)] ?? 0) < threshold).length;
  process.stdout.write(
    `threshold ${threshold.toFixed(2)}: answers ${answered.length}/${data.length}, accuracy of answered ${(answered.filter((sample) => sample.correct).length / Math.max(1, answered.length)).toFixed(3)}, out-of-scope handed off ${handedOff}/${outOfScope.length}\n`,
  );
}
