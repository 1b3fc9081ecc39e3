import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../core/conversation/tokens.ts';
import { nodeTokenHash } from './node-token-hash.ts';

describe('nodeTokenHash', () => {
  it('gives the same digest as the Web Crypto hash the core uses by default', async () => {
    const token = newToken();
    expect(nodeTokenHash(token)).toBe(await hashToken(token));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 80 }), async (text) => {
        expect(nodeTokenHash(text)).toBe(await hashToken(text));
      }),
    );
  });
});
