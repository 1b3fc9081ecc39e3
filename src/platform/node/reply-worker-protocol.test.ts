import { describe, expect, it } from 'vitest';
import type { Reply } from '../../core/ports/reply-generator.ts';
import { transferableReply } from './reply-worker-protocol.ts';

const reply: Reply = {
  text: 'Sorry',
  meta: {
    action: 'handoff',
    citations: [],
    confidence: { score: 0, components: {} },
    lang: 'en',
    reasons: ['error'],
    composer: 'offline',
  },
};

describe('transferableReply', () => {
  it('keeps an error message, name and stack but drops fields the structured clone cannot carry', () => {
    const original = Object.assign(new TypeError('index out of range', { cause: { retry: () => undefined } }), {
      response: { close: () => undefined },
    });
    const sent = structuredClone(transferableReply({ ...reply, error: original }));
    expect(sent.error).toBeInstanceOf(Error);
    expect(sent.error).toMatchObject({ name: 'TypeError', message: 'index out of range', stack: original.stack });
    expect(() => structuredClone({ ...reply, error: original })).toThrow();
  });

  it('turns a thrown non-Error into an Error and leaves a reply without one unchanged', () => {
    expect(structuredClone(transferableReply({ ...reply, error: 'boom' })).error).toMatchObject({ message: 'boom' });
    expect(transferableReply(reply)).toBe(reply);
  });
});
