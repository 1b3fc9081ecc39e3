// Tokenizer port on js-tiktoken: the same cl100k_base BPE as tiktoken, in plain JavaScript, for runtimes without
// tiktoken's WASM loader (Workers). Counts equal tiktoken's (tested). Runtime: any.
import { Tiktoken } from 'js-tiktoken/lite';
import cl100kBase from 'js-tiktoken/ranks/cl100k_base';
import type { Tokenizer } from '../../core/ports/tokenizer.ts';

export class JsTiktokenTokenizer implements Tokenizer {
  private readonly encoding = new Tiktoken(cl100kBase);

  count(text: string): number {
    // Special-token text counts as ordinary text, as with TiktokenTokenizer.
    return this.encoding.encode(text, [], []).length;
  }
}
