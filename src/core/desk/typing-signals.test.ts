import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TypingChange } from '../ports/presence-signals.ts';
import { TYPING_TTL_MS, TypingSignals } from './typing-signals.ts';

describe('TypingSignals', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-12-01T10:00:00Z'));
  });
  afterEach(() => vi.useRealTimers());

  const typing = (conversationId: string, who: 'customer' | 'agent' = 'customer', name?: string) => ({
    conversationId,
    who,
    ...(name === undefined ? {} : { name }),
    until: Date.now() + TYPING_TTL_MS,
  });

  function recorder(signals: TypingSignals, conversationId?: string) {
    const heard: Array<Pick<TypingChange, 'conversationId' | 'who' | 'typing'>> = [];
    const stop = signals.subscribe(
      ({ conversationId: id, who, typing: on }) => heard.push({ conversationId: id, who, typing: on }),
      conversationId === undefined ? {} : { conversationId },
    );
    return { heard, stop };
  }

  it('tells the conversation that a party stopped typing once the signal expires', () => {
    const signals = new TypingSignals();
    const { heard } = recorder(signals, 'c1');
    expect(signals.publish(typing('c1', 'agent', 'Anna'))).toBe(true);
    vi.advanceTimersByTime(TYPING_TTL_MS - 1);
    expect(heard).toEqual([{ conversationId: 'c1', who: 'agent', typing: true }]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual([
      { conversationId: 'c1', who: 'agent', typing: true },
      { conversationId: 'c1', who: 'agent', typing: false },
    ]);
    expect(signals.active).toBe(0);
  });

  it('keeps a renewed signal alive past the first expiry and ignores repeats within two seconds', () => {
    const signals = new TypingSignals();
    const { heard } = recorder(signals, 'c1');
    signals.publish(typing('c1'));
    vi.advanceTimersByTime(1_000);
    expect(signals.publish(typing('c1'))).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(signals.publish(typing('c1'))).toBe(true);
    vi.advanceTimersByTime(TYPING_TTL_MS - 1);
    expect(heard.map((change) => change.typing)).toEqual([true, true]);
    vi.advanceTimersByTime(1);
    expect(heard.map((change) => change.typing)).toEqual([true, true, false]);
  });

  it('passes on a stop at once and ignores a stop of a party that was not typing', () => {
    const signals = new TypingSignals();
    const { heard } = recorder(signals);
    expect(signals.publish({ conversationId: 'c1', who: 'customer', until: 0 })).toBe(false);
    signals.publish(typing('c1'));
    expect(signals.publish({ conversationId: 'c1', who: 'customer', until: Date.now() })).toBe(true);
    vi.advanceTimersByTime(TYPING_TTL_MS * 2);
    expect(heard.map((change) => change.typing)).toEqual([true, false]);
  });

  it('delivers only to the subscribers of the conversation and to those following every conversation', () => {
    const signals = new TypingSignals();
    const one = recorder(signals, 'c1');
    const two = recorder(signals, 'c2');
    const everything = recorder(signals);
    signals.publish(typing('c1'));
    signals.publish(typing('c2', 'agent', 'Ben'));
    expect(one.heard).toEqual([{ conversationId: 'c1', who: 'customer', typing: true }]);
    expect(two.heard).toEqual([{ conversationId: 'c2', who: 'agent', typing: true }]);
    expect(everything.heard).toHaveLength(2);
  });

  it('tells an unsubscribed listener nothing more', () => {
    const signals = new TypingSignals();
    const { heard, stop } = recorder(signals, 'c1');
    signals.publish(typing('c1'));
    stop();
    vi.advanceTimersByTime(TYPING_TTL_MS);
    signals.publish(typing('c1'));
    expect(heard).toEqual([{ conversationId: 'c1', who: 'customer', typing: true }]);
  });

  it('keeps the customer and the agent of one conversation apart', () => {
    const signals = new TypingSignals();
    const { heard } = recorder(signals, 'c1');
    signals.publish(typing('c1', 'customer'));
    expect(signals.publish(typing('c1', 'agent', 'Anna'))).toBe(true);
    expect(heard.map((change) => change.who)).toEqual(['customer', 'agent']);
  });
});
