import { describe, expect, it } from 'vitest';
import { TiktokenTokenizer } from './tiktoken-tokenizer.ts';

describe('TiktokenTokenizer', () => {
  it('counts cl100k tokens, treating special-token text as ordinary text', () => {
    const tokenizer = new TiktokenTokenizer();
    try {
      expect(tokenizer.count('hello world')).toBe(2);
      expect(tokenizer.count('')).toBe(0);
      expect(tokenizer.count('Здравствуйте')).toBeGreaterThan(1);
      expect(tokenizer.count('<|endoftext|>')).toBeGreaterThan(1);
    } finally {
      tokenizer.free();
    }
  });
});
