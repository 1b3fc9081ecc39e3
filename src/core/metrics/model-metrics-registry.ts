// Counters and histograms of the LLM paths, kept in memory and written in the Prometheus text format. Runtime: any.
import type {
  Fallback,
  ModelCallOutcome,
  ModelMetrics,
  ModelPath,
  ReplyVerificationOutcome,
} from '../ports/model-metrics.ts';
import type { Tokenizer } from '../ports/tokenizer.ts';

/** Upper bounds of the latency buckets, in seconds: from a cached reply to a model at its deadline. */
const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5, 8, 13, 20, 30, 60];

class Histogram {
  readonly counts = BUCKETS.map(() => 0);
  count = 0;
  sum = 0;

  observe(seconds: number): void {
    this.count += 1;
    this.sum += seconds;
    BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.counts[index] = (this.counts[index] ?? 0) + 1;
    });
  }
}

const labelText = (labels: Readonly<Record<string, string>>) =>
  Object.entries(labels)
    .map(([key, value]) => `${key}="${value.replace(/["\\\n]/g, '_')}"`)
    .join(',');

export class ModelMetricsRegistry implements ModelMetrics {
  private readonly counters = new Map<string, { help: string; values: Map<string, number> }>();
  private readonly histograms = new Map<string, { help: string; values: Map<string, Histogram> }>();

  /** Without a tokenizer, tokens are not counted. */
  constructor(private readonly tokenizer?: Tokenizer) {}

  modelCall(call: {
    path: ModelPath;
    outcome: ModelCallOutcome;
    seconds: number;
    prompt: string;
    completion: string;
  }): void {
    this.add('firstline_llm_calls_total', 'Chat model calls by path and outcome.', {
      path: call.path,
      outcome: call.outcome,
    });
    this.observe(
      'firstline_llm_call_seconds',
      'Chat model call latency in seconds, by path.',
      { path: call.path },
      call.seconds,
    );
    if (this.tokenizer === undefined) return;
    this.add(
      'firstline_llm_tokens_total',
      'Tokens sent to and received from chat models (tiktoken count).',
      { path: call.path, direction: 'in' },
      this.tokenizer.count(call.prompt),
    );
    if (call.completion !== '')
      this.add(
        'firstline_llm_tokens_total',
        'Tokens sent to and received from chat models (tiktoken count).',
        { path: call.path, direction: 'out' },
        this.tokenizer.count(call.completion),
      );
  }

  reply(outcome: ReplyVerificationOutcome, reason: string): void {
    this.add(
      'firstline_llm_replies_total',
      "What became of the model's answers: verified, repaired (sentences dropped) or replaced, and why.",
      { outcome, reason },
    );
  }

  embedding(outcome: 'ok' | 'timeout' | 'error', seconds: number): void {
    this.add(
      'firstline_embedding_calls_total',
      'Query embedding calls to the remote embeddings endpoint, by outcome.',
      { outcome },
    );
    this.observe('firstline_embedding_call_seconds', 'Query embedding latency in seconds.', {}, seconds);
  }

  fallback(kind: Fallback): void {
    this.add('firstline_fallbacks_total', 'Times a degraded path served instead of the configured one.', { kind });
  }

  /** The current values in the Prometheus text format (version 0.0.4). */
  text(): string {
    const lines: string[] = [];
    for (const [name, { help, values }] of this.counters) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} counter`);
      for (const [labels, value] of values) lines.push(`${name}${labels === '' ? '' : `{${labels}}`} ${value}`);
    }
    for (const [name, { help, values }] of this.histograms) {
      lines.push(`# HELP ${name} ${help}`, `# TYPE ${name} histogram`);
      for (const [labels, histogram] of values) {
        const prefix = labels === '' ? '' : `${labels},`;
        BUCKETS.forEach((bound, index) =>
          lines.push(`${name}_bucket{${prefix}le="${bound}"} ${histogram.counts[index] ?? 0}`),
        );
        lines.push(
          `${name}_bucket{${prefix}le="+Inf"} ${histogram.count}`,
          `${name}_sum${labels === '' ? '' : `{${labels}}`} ${histogram.sum}`,
          `${name}_count${labels === '' ? '' : `{${labels}}`} ${histogram.count}`,
        );
      }
    }
    return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
  }

  private add(name: string, help: string, labels: Readonly<Record<string, string>>, amount = 1): void {
    const counter = this.counters.get(name) ?? { help, values: new Map<string, number>() };
    this.counters.set(name, counter);
    const key = labelText(labels);
    counter.values.set(key, (counter.values.get(key) ?? 0) + amount);
  }

  private observe(name: string, help: string, labels: Readonly<Record<string, string>>, seconds: number): void {
    const histogram = this.histograms.get(name) ?? { help, values: new Map<string, Histogram>() };
    this.histograms.set(name, histogram);
    const key = labelText(labels);
    const entry = histogram.values.get(key) ?? new Histogram();
    histogram.values.set(key, entry);
    entry.observe(seconds);
  }
}
