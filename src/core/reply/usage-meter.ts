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
  private readonly scopes = new Map<string, number>();

  constructor(
    private readonly tokenizer: Tokenizer,
    private readonly pricePer1k: { readonly input: number; readonly output: number } = { input: 0, output: 0 },
  ) {}

  /** Records one completion; cached ones cost nothing and are counted apart. `scope` names whose it was (a conversation). */
  record(prompt: string, completion: string, cached: boolean, scope?: string): void {
    if (cached) {
      this.cacheHits += 1;
      return;
    }
    const input = this.tokenizer.count(prompt);
    const output = this.tokenizer.count(completion);
    this.calls += 1;
    this.promptTokens += input;
    this.completionTokens += output;
    if (scope !== undefined) this.scopes.set(scope, (this.scopes.get(scope) ?? 0) + this.price(input, output));
  }

  /** Estimated cost so far of the calls recorded under `scope`. */
  costOf(scope: string): number {
    return this.scopes.get(scope) ?? 0;
  }

  private price(input: number, output: number): number {
    return (input / 1000) * this.pricePer1k.input + (output / 1000) * this.pricePer1k.output;
  }

  usage(): Usage {
    return {
      calls: this.calls,
      cacheHits: this.cacheHits,
      promptTokens: this.promptTokens,
      completionTokens: this.completionTokens,
      estimatedCost: this.price(this.promptTokens, this.completionTokens),
    };
  }
}
