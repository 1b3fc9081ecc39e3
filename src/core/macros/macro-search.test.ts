import { describe, expect, it } from 'vitest';
import { macroMatches, queryWords, rankMacros } from './macro-search.ts';

describe('macro search', () => {
  it('finds Cyrillic words whatever their case, and «ё» as «е»', () => {
    expect(macroMatches({ title: 'Приветствие', text: 'Всё решено' }, queryWords('ПРИВЕТ все'))).toBe(true);
  });

  it('needs every word of the query', () => {
    expect(macroMatches({ title: 'Greeting', text: 'Hello there' }, queryWords('greet router'))).toBe(false);
  });

  it('puts title matches first', () => {
    const macros = [
      { title: 'Closing', text: 'Glad to greet you' },
      { title: 'Greeting', text: 'Hello' },
    ];
    expect(rankMacros(macros, 'greet').map((macro) => macro.title)).toEqual(['Greeting', 'Closing']);
  });
});
