// Bearer tokens for customers: random, shown once, stored only as a SHA-256 hash. Runtime: any (Web Crypto).
import { sha256Hex } from '../text/hash.ts';

/** 256 random bits, base64url. */
export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function hashToken(token: string): Promise<string> {
  return sha256Hex(token);
}

/** Compares two equal-length hex digests without an early exit. */
export function digestsEqual(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}
