import { describe, expect, it } from 'vitest';
import { pack, unpack } from './binary-pack.ts';

describe('binary pack', () => {
  it('round-trips metadata and typed arrays of each kind', () => {
    const packed = pack(
      { terms: ['а', 'b'] },
      { floats: Float32Array.of(1.5, -2), ints: Int32Array.of(7, -9, 11), bytes: Uint8Array.of(1, 2, 3) },
    );
    const { meta, arrays } = unpack(packed.slice());
    expect(meta).toEqual({ terms: ['а', 'b'] });
    expect(arrays).toEqual({
      floats: Float32Array.of(1.5, -2),
      ints: Int32Array.of(7, -9, 11),
      bytes: Uint8Array.of(1, 2, 3),
    });
  });

  it('refuses bytes that are not a pack or are truncated', () => {
    expect(() => unpack(new Uint8Array(16))).toThrow('not a Firstline pack file');
    const packed = pack({}, { floats: new Float32Array(100) });
    expect(() => unpack(packed.subarray(0, packed.length - 8))).toThrow('truncated');
  });
});
