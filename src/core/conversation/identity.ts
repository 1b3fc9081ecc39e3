// Customer identity from the host page: the site's backend signs the customer's id with a secret it shares with
// Firstline (hex HMAC-SHA256 of the id, the scheme of Intercom's identity verification), so a claimed id can be
// trusted; everything else about the profile is only what the page says. Runtime: any (Web Crypto).
import { AppError } from '../errors.ts';
import type { Customer, CustomerClaim } from './conversation.ts';
import { digestsEqual } from './tokens.ts';

/** `off`: nothing is verified; `optional`: a valid hash verifies, a missing or wrong one leaves the profile unverified; `required`: a claimed id or e-mail needs a valid hash. */
export type IdentityMode = 'off' | 'optional' | 'required';

export interface IdentitySettings {
  /** The shared secret (IDENTITY_SECRET); without it no profile is ever verified. */
  readonly secret?: string | undefined;
  readonly mode: IdentityMode;
}

type HmacKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;
const encoder = new TextEncoder();
/** The imported key of the last secret used: one secret per process, imported once. */
let cachedKey: { readonly secret: string; readonly key: Promise<HmacKey> } | undefined;

function hmacKey(secret: string): Promise<HmacKey> {
  if (cachedKey?.secret !== secret) {
    const key = crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
    ]);
    cachedKey = { secret, key };
  }
  return cachedKey.key;
}

/** The user hash a host backend computes for `userId`: lower-case hex HMAC-SHA256 keyed with `secret` (64 characters). */
export async function identityHash(secret: string, userId: string): Promise<string> {
  const signature = await crypto.subtle.sign('HMAC', await hmacKey(secret), encoder.encode(userId));
  return Array.from(new Uint8Array(signature), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * True when `hash` is the user hash of `userId` under `secret`. Hex case is ignored; a hash of the right length is
 * compared in constant time (every character, no early exit), one of another length is simply wrong.
 */
export async function verifyIdentityHash(secret: string, userId: string, hash: string | undefined): Promise<boolean> {
  if (hash === undefined || hash === '') return false;
  return digestsEqual(await identityHash(secret, userId), hash.toLowerCase());
}

/**
 * The profile to store for a claim from the host page, `verified` only when a secret is configured, verification is
 * not off, and the claim's `userHash` signs its `id`. With `required`, a claimed id or e-mail without a valid hash is
 * refused (`forbidden:identity`); an anonymous visitor (neither) may still chat, unverified.
 */
export async function resolveIdentity(
  claim: CustomerClaim & { readonly userHash?: string | undefined },
  settings: IdentitySettings,
): Promise<Customer> {
  const { userHash, ...profile } = claim;
  const { secret, mode } = settings;
  if (secret === undefined || mode === 'off') return { ...profile, verified: false };
  const verified = profile.id !== undefined && (await verifyIdentityHash(secret, profile.id, userHash));
  if (!verified && mode === 'required' && (profile.id !== undefined || profile.email !== undefined)) {
    throw new AppError(
      'forbidden:identity',
      profile.id === undefined
        ? 'identity verification is required: send the customer id with its userHash'
        : userHash === undefined
          ? 'identity verification is required: the customer id came without a userHash'
          : 'the userHash does not match the customer id',
    );
  }
  return { ...profile, verified };
}
