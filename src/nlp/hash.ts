/** Hashing shared by our statistical models (NER and parser feature keys). */

/** MurmurHash3 32-bit finaliser (Appleby, MurmurHash3 `fmix32`): avalanches the bits of `h`; returns a signed 32-bit int. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
