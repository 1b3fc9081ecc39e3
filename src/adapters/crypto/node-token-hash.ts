// Token hashing with node:crypto: synchronous, so checking a customer's token costs no trip to the thread
// pool that Web Crypto's digest() makes. Same digest as the core's Web Crypto default. Runtime: Node.
import { createHash } from 'node:crypto';

export function nodeTokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
