import { describe, expect, it } from 'vitest';
import { ModelMetricsRegistry } from './model-metrics-registry.ts';

describe('model metrics', () => {
  it('writes counters and latency histograms in the Prometheus text format', () => {
    const registry = new ModelMetricsRegistry({ count: (text) => text.split(' ').length });
    registry.modelCall({ path: 'answer', outcome: 'ok', seconds: 0.7, prompt: 'a b c', completion: 'd e' });
    registry.modelCall({ path: 'answer', outcome: 'timeout', seconds: 6, prompt: 'a', completion: '' });
    registry.reply('repaired', 'unsupported_claim');
    registry.embedding('timeout', 0.4);
    registry.fallback('lexical_retrieval');
    const text = registry.text();
    expect(text).toContain(
      '# TYPE firstline_llm_calls_total counter\nfirstline_llm_calls_total{path="answer",outcome="ok"} 1\nfirstline_llm_calls_total{path="answer",outcome="timeout"} 1',
    );
    expect(text).toContain(
      'firstline_llm_tokens_total{path="answer",direction="in"} 4\nfirstline_llm_tokens_total{path="answer",direction="out"} 2',
    );
    expect(text).toContain(
      'firstline_llm_call_seconds_bucket{path="answer",le="0.5"} 0\nfirstline_llm_call_seconds_bucket{path="answer",le="1"} 1',
    );
    expect(text).toContain(
      'firstline_llm_call_seconds_bucket{path="answer",le="+Inf"} 2\nfirstline_llm_call_seconds_sum{path="answer"} 6.7\nfirstline_llm_call_seconds_count{path="answer"} 2',
    );
    expect(text).toContain('firstline_llm_replies_total{outcome="repaired",reason="unsupported_claim"} 1');
    expect(text).toContain('firstline_embedding_calls_total{outcome="timeout"} 1');
    expect(text).toContain('firstline_fallbacks_total{kind="lexical_retrieval"} 1');
  });
});
