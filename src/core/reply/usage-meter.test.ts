import { describe, expect, it } from 'vitest';
import { wordTokenizer } from '../../../test/fakes/word-tokenizer.ts';
import { UsageMeter } from './usage-meter.ts';

describe('UsageMeter', () => {
  it('counts calls and tokens, keeps cache hits free, and prices them', () => {
    const meter = new UsageMeter(wordTokenizer, { input: 1, output: 2 });
    meter.record('one two three four', 'five six', false);
    meter.record('one two three four', 'five six', true);
    expect(meter.usage()).toEqual({
      calls: 1,
      cacheHits: 1,
      promptTokens: 4,
      completionTokens: 2,
      estimatedCost: 0.004 + 0.004,
    });
  });
});
