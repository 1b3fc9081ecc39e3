// Counts model calls, cache hits and tokens (counted with the tokenizer port) and estimates their cost. Runtime: any.
import type { Tokenizer } from '../ports/tokenizer.ts';

export interface Usage {
  readonly calls: number;
  readonly cacheHits: number;
  readonly promptTokens: number;
  readonly completionTokens: number;
  /** In the currency of the configured prices; 0 when no prices are set. */
  readonly estimatedCost: number;
}

export class UsageMeter {
  private calls = 0;
  private cacheHits = 0;
  private promptTokens = 0;
  private completionTokens = 0;

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly pricePer1k: { readonly input: number; readonly output: number } = { input: 0, output: 0 },
  ) {}

  /** Records one completion; cached ones cost nothing and are counted apart. */
  record(prompt: string, completion: string, cached: boolean): void {
    if (cached) {
      this.cacheHits += 1;
      return;
    }
    this.calls += 1;
    this.promptTokens += this.tokenizer.count(prompt);
    this.completionTokens += this.tokenizer.count(completion);
  }

  usage(): Usage {
    return {
      calls: this.calls,
      cacheHits: this.cacheHits,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      estimatedCost: (this.promptTokens / 1000) * this.pricePer1k.input + (this.completionTokens / 1000) * this.pricePer1k.output,
    };
  }
}
