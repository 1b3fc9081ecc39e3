import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language.ts';
import { normalize, words } from './normalize.ts';
import { contentTerms, queryTerms } from './terms.ts';

describe('normalize', () => {
  it('folds ё and accents but keeps й', () => {
    expect(normalize('Ещё Её КЛЮЧ Йогурт café')).toBe('еще ее ключ йогурт cafe');
  });

  it('keeps hyphenated words whole', () => {
    expect(words('Не работает Wi-Fi, смс-ка не пришла!')).toEqual([
      'не',
      'работает',
      'wi-fi',
      'смс-ка',
      'не',
      'пришла',
    ]);
  });
});

describe('contentTerms', () => {
  it('drops greetings and filler in Russian', () => {
    expect(contentTerms('Здравствуйте! Подскажите, пожалуйста, не приходит код')).toEqual(['не', 'приход', 'код']);
  });

  it('drops greetings and filler in English', () => {
    expect(contentTerms('Hi there, could you please help, the code never arrives')).toEqual(['code', 'never', 'arriv']);
  });

  it('folds colloquial variants to one word', () => {
    expect(contentTerms('инет')).toEqual(contentTerms('интернет'));
    expect(contentTerms('вайфай')).toEqual(contentTerms('Wi-Fi'));
    expect(contentTerms('смска')).toEqual(contentTerms('SMS'));
  });
});

describe('queryTerms', () => {
  it('adds the transliteration of a Latin product word at half weight', () => {
    const terms = queryTerms('роутер kometa');
    expect(terms).toContainEqual({ term: 'комет', weight: 0.5, expansion: true, of: 'kometa' });
    expect(terms[0]).toEqual({ term: 'роутер', weight: 1 });
  });

  it('drops Russian function words written in Latin letters, but keeps "no"', () => {
    expect(queryTerms('kak pomenyat tarif na maksimum').map((entry) => entry.term)).not.toContain('kak');
    expect(queryTerms('kak pomenyat tarif na maksimum').map((entry) => entry.term)).not.toContain('na');
    expect(queryTerms('no internet').map((entry) => entry.term)).toContain('no');
  });
});

describe('detectLanguage', () => {
  it('reads Russian with Latin product names as Russian', () => {
    expect(detectLanguage('Не работает роутер Kometa AX3000')).toBe('ru');
  });

  it('reads English as English and falls back without letters', () => {
    expect(detectLanguage('my wifi is down')).toBe('en');
    expect(detectLanguage('??? 123', 'ru')).toBe('ru');
  });
});
