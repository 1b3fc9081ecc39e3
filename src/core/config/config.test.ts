import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig, usesRemoteEmbeddings } from './config.ts';

describe('parseConfig', () => {
  it('fills defaults and derives the index directory from the data directory', () => {
    const config = parseConfig({ DATA_DIR: '/var/firstline/' });
    expect(config).toMatchObject({
      DATA_DIR: '/var/firstline/',
      INDEX_DIR: '/var/firstline/index',
      KNOWLEDGE_DIR: './knowledge',
      CHUNK_MAX_TOKENS: 300,
    });
    expect(usesRemoteEmbeddings(config)).toBe(false);
  });

  it('treats empty strings as unset', () => {
    const config = parseConfig({ CHUNK_MAX_TOKENS: '', OPENAI_BASE_URL: '  ', OPENAI_EMBEDDINGS_MODEL: '' });
    expect(config.CHUNK_MAX_TOKENS).toBe(300);
    expect(config.OPENAI_BASE_URL).toBeUndefined();
  });

  it('names every bad key and its value', () => {
    expect(() => parseConfig({ CHUNK_MAX_TOKENS: 'lots', OPENAI_BASE_URL: 'not a url' })).toThrow(ConfigError);
    try {
      parseConfig({ CHUNK_MAX_TOKENS: 'lots', OPENAI_BASE_URL: 'not a url' });
    } catch (error) {
      expect(String(error)).toMatch(/CHUNK_MAX_TOKENS: .*\(got "lots"\)/);
      expect(String(error)).toMatch(/OPENAI_BASE_URL: .*\(got "not a url"\)/);
    }
  });

  it('switches to remote embeddings when a model and an endpoint are configured', () => {
    expect(
      usesRemoteEmbeddings(parseConfig({ OPENAI_EMBEDDINGS_MODEL: 'm', OPENAI_BASE_URL: 'http://127.0.0.1:1/v1' })),
    ).toBe(true);
  });
});
