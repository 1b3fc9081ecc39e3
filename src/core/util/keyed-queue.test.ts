import { describe, expect, it } from 'vitest';
import { KeyedQueue } from './keyed-queue.ts';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('KeyedQueue', () => {
  it('runs one task at a time per key, in arrival order, and keys side by side', async () => {
    const queue = new KeyedQueue();
    const running = new Map<string, number>();
    const most = new Map<string, number>();
    const order: string[] = [];
    const task = (key: string, label: string) => async () => {
      running.set(key, (running.get(key) ?? 0) + 1);
      most.set(key, Math.max(most.get(key) ?? 0, running.get(key) ?? 0));
      await pause(5);
      order.push(label);
      running.set(key, (running.get(key) ?? 1) - 1);
      return label;
    };
    const results = await Promise.all([
      queue.run('a', task('a', 'a1')),
      queue.run('b', task('b', 'b1')),
      queue.run('a', task('a', 'a2')),
      queue.run('a', task('a', 'a3')),
    ]);
    expect(results).toEqual(['a1', 'b1', 'a2', 'a3']);
    expect(order.filter((label) => label.startsWith('a'))).toEqual(['a1', 'a2', 'a3']);
    expect(most.get('a')).toBe(1);
    // b did not wait for a's three tasks.
    expect(order.indexOf('b1')).toBeLessThan(order.indexOf('a3'));
    await pause(0);
    expect(queue.size).toBe(0);
  });

  it('goes on with the next task after one fails', async () => {
    const queue = new KeyedQueue();
    const failed = queue.run('a', () => Promise.reject(new Error('boom')));
    const next = queue.run('a', () => Promise.resolve('next'));
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('next');
  });
});
