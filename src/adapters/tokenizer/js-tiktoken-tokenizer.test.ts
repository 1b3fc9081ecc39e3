import { describe, expect, it } from 'vitest';
import { JsTiktokenTokenizer } from './js-tiktoken-tokenizer.ts';
import { TiktokenTokenizer } from './tiktoken-tokenizer.ts';

describe('JsTiktokenTokenizer', () => {
  it('counts exactly as tiktoken does, in Russian and English, special-token text included', () => {
    const plain = new JsTiktokenTokenizer();
    const wasm = new TiktokenTokenizer();
    try {
      const texts = [
        '',
        'Здравствуйте! Не приходит код подтверждения на телефон, что делать?',
        'How do I get my money back for a cancelled order? Order #A-1234, 1 990 ₽.',
        'Ёлка, «кавычки» — тире… emoji 🙂 and <|endoftext|> as plain text',
        'Смешанный text с Latin и кириллицей, 42 шт.\n\n1. Откройте «Заказы».\n2. Нажмите «Отменить».',
      ];
      for (const text of texts) expect(plain.count(text), text).toBe(wasm.count(text));
      expect(plain.count('Здравствуйте!')).toBeGreaterThan(1);
    } finally {
      wasm.free();
    }
  });
});
