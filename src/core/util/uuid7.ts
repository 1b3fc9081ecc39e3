// UUID version 7 (RFC 9562): 48 bits of Unix milliseconds, then a 12-bit counter and random bits. Ids made
// later sort later, so primary-key indexes grow at their end instead of touching a random page per insert.
// Runtime: any (Web Crypto).

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/** A generator of time-ordered UUIDs; ids from one generator are strictly increasing, even within a millisecond. */
export function uuid7Generator(now: () => number = Date.now): () => string {
  let lastMs = -1;
  let counter = 0;
  // Random bytes drawn 4 KiB at a time: one call into the system's generator per 256 ids.
  const pool = new Uint8Array(4096);
  let offset = pool.length;
  return () => {
    let ms = now();
    if (ms > lastMs) {
      lastMs = ms;
      counter = 0;
    } else {
      ms = lastMs;
      counter += 1;
      if (counter > 0xfff) {
        // 4,096 ids in one millisecond: borrow the next millisecond rather than repeat an id.
        lastMs += 1;
        ms = lastMs;
        counter = 0;
      }
    }
    if (offset + 16 > pool.length) {
      crypto.getRandomValues(pool);
      offset = 0;
    }
    const bytes = pool.slice(offset, (offset += 16));
    for (let index = 5, rest = ms; index >= 0; index -= 1, rest = Math.floor(rest / 256)) bytes[index] = rest % 256;
    bytes[6] = 0x70 | (counter >> 8);
    bytes[7] = counter & 0xff;
    bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
    let hex = '';
    for (const byte of bytes) hex += HEX[byte];
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}
