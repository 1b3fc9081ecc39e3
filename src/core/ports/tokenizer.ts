// Port: counts model tokens in a text (tiktoken on Node; any BPE counter elsewhere). Runtime: any.

export interface Tokenizer {
  /** Number of tokens the text encodes to. */
  count(text: string): number;
}
