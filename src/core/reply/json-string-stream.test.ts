import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonStringFieldStream } from './json-string-stream.ts';

describe('JsonStringFieldStream', () => {
  it('yields the field as it arrives, decoding escapes split across chunks', () => {
    const stream = new JsonStringFieldStream('reply');
    const parts = [
      '{"citations":["a"],"re',
      'ply": "Здрав',
      'ствуйте!\\',
      'nШаг \\"1\\" \\u00e9',
      'nd", "confidence": 0.9}',
    ];
    expect(parts.map((part) => stream.push(part))).toEqual(['', 'Здрав', 'ствуйте!', '\nШаг "1" é', 'nd']);
  });

  it('reassembles any string exactly, however the JSON is cut', () => {
    fc.assert(
      fc.property(fc.string(), fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1 }), (value, cuts) => {
        const json = JSON.stringify({ confidence: 1, reply: value, needsHuman: false });
        const stream = new JsonStringFieldStream('reply');
        let output = '';
        let index = 0;
        let cut = 0;
        while (index < json.length) {
          const size = cuts[cut % cuts.length] ?? 1;
          output += stream.push(json.slice(index, index + size));
          index += size;
          cut += 1;
        }
        expect(output).toBe(value);
      }),
    );
  });
});
