import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.ts';
import { identityHash, resolveIdentity, verifyIdentityHash } from './identity.ts';

const SECRET = 'host-site-shared-secret-0123456789';
/** What a host backend computes with its own HMAC library (Node's createHmac, Python's hmac) under SECRET. */
const HOST_HASHES: Record<string, string> = {
  'crm-42': '6957b9e83b55680c5c7e4469299feeff91c201d532979cafb6ac88f563aba10d',
  'crm-43': '690169a3287c0d4c73184a396c32c395b69c02f6a91798d3ce1c6569b89f61e3',
  'клиент-7': '89ea856c045c6b209999d12f6531ad0ad76675d917e58380e7ca1b3e775e12b1',
};
/** crm-42's hash under another secret ("not-the-shared-secret"). */
const OTHER_SECRET_HASH = '6455489400e69ddeba97e192ab3e4ae5baf532c110df10d4080f8de13da2e2b2';
const hostHash = (id: string) => HOST_HASHES[id] ?? '';

describe('identityHash', () => {
  it('is the hex HMAC-SHA256 of the id, as a host backend computes it', async () => {
    expect(await identityHash(SECRET, 'crm-42')).toBe(hostHash('crm-42'));
    expect(await identityHash(SECRET, 'клиент-7')).toBe(hostHash('клиент-7'));
    // RFC 4231, test case 2.
    expect(await identityHash('Jefe', 'what do ya want for nothing?')).toBe(
      '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    );
  });
});

describe('verifyIdentityHash', () => {
  it('accepts the hash of the id, in either hex case', async () => {
    expect(await verifyIdentityHash(SECRET, 'crm-42', hostHash('crm-42'))).toBe(true);
    expect(await verifyIdentityHash(SECRET, 'crm-42', hostHash('crm-42').toUpperCase())).toBe(true);
  });

  it("refuses another id's hash and a hash made with another secret", async () => {
    expect(await verifyIdentityHash(SECRET, 'crm-42', hostHash('crm-43'))).toBe(false);
    expect(await verifyIdentityHash(SECRET, 'crm-42', OTHER_SECRET_HASH)).toBe(false);
  });

  it('refuses a hash of the wrong length, cut short or padded', async () => {
    const hash = hostHash('crm-42');
    expect(await verifyIdentityHash(SECRET, 'crm-42', hash.slice(0, 63))).toBe(false);
    expect(await verifyIdentityHash(SECRET, 'crm-42', `${hash}0`)).toBe(false);
    expect(await verifyIdentityHash(SECRET, 'crm-42', hash.slice(0, 32))).toBe(false);
  });

  it('refuses a missing or empty hash', async () => {
    expect(await verifyIdentityHash(SECRET, 'crm-42', undefined)).toBe(false);
    expect(await verifyIdentityHash(SECRET, 'crm-42', '')).toBe(false);
  });

  it('compares every character of a full-length hash: one wrong in its first or its last place is refused', async () => {
    // A full-length hash goes through the comparison without an early exit (digestsEqual), whichever place differs.
    const hash = hostHash('crm-42');
    const flip = (character: string) => (character === '0' ? '1' : '0');
    const first = `${flip(hash.charAt(0))}${hash.slice(1)}`;
    const last = `${hash.slice(0, -1)}${flip(hash.charAt(63))}`;
    expect(await verifyIdentityHash(SECRET, 'crm-42', first)).toBe(false);
    expect(await verifyIdentityHash(SECRET, 'crm-42', last)).toBe(false);
  });
});

describe('resolveIdentity', () => {
  const claim = { id: 'crm-42', name: 'Anna', email: 'anna@example.com', attributes: { plan: 'Optima' } };

  it('marks a profile with a valid hash verified and keeps no hash in it', async () => {
    const customer = await resolveIdentity(
      { ...claim, userHash: hostHash('crm-42') },
      { secret: SECRET, mode: 'optional' },
    );
    expect(customer).toEqual({ ...claim, verified: true });
  });

  it('keeps an unsigned or wrongly signed claim unverified when verification is optional', async () => {
    const settings = { secret: SECRET, mode: 'optional' } as const;
    expect(await resolveIdentity(claim, settings)).toEqual({ ...claim, verified: false });
    expect(await resolveIdentity({ ...claim, userHash: hostHash('crm-43') }, settings)).toEqual({
      ...claim,
      verified: false,
    });
  });

  it('refuses a claimed id or e-mail without a valid hash when verification is required', async () => {
    const settings = { secret: SECRET, mode: 'required' } as const;
    await expect(resolveIdentity(claim, settings)).rejects.toThrow(AppError);
    await expect(resolveIdentity({ ...claim, userHash: hostHash('crm-43') }, settings)).rejects.toMatchObject({
      code: 'forbidden:identity',
    });
    await expect(resolveIdentity({ email: 'anna@example.com' }, settings)).rejects.toMatchObject({
      code: 'forbidden:identity',
    });
    expect(await resolveIdentity({ ...claim, userHash: hostHash('crm-42') }, settings)).toMatchObject({
      verified: true,
    });
  });

  it('lets an anonymous visitor chat unverified even when verification is required', async () => {
    expect(await resolveIdentity({ name: 'Guest' }, { secret: SECRET, mode: 'required' })).toEqual({
      name: 'Guest',
      verified: false,
    });
  });

  it('verifies nothing without a secret or with verification off, whatever hash comes', async () => {
    const signed = { ...claim, userHash: hostHash('crm-42') };
    expect(await resolveIdentity(signed, { mode: 'required' })).toEqual({ ...claim, verified: false });
    expect(await resolveIdentity(signed, { secret: SECRET, mode: 'off' })).toEqual({ ...claim, verified: false });
  });
});
