// Tokenizer port on tiktoken's WASM BPE (cl100k_base by default). Runtime: Node (WASM; bundlable for Workers).
import { get_encoding, type Tiktoken, type TiktokenEncoding } from 'tiktoken';
import type { Tokenizer } from '../../core/ports/tokenizer.ts';

/** Counts tokens exactly as OpenAI models do; special-token text counts as ordinary text. */
export class TiktokenTokenizer implements Tokenizer {
  private readonly encoding: Tiktoken;

  constructor(encoding: TiktokenEncoding = 'cl100k_base') {
    this.encoding = get_encoding(encoding);
  }

  count(text: string): number {
    return this.encoding.encode(text, [], []).length;
  }

  /** Frees the WASM memory; the tokenizer cannot be used afterwards. */
  free(): void {
    this.encoding.free();
  }
}
