import { createHash } from 'node:crypto';

/**
 * A set of 64-bit fingerprints (the first 8 bytes of a SHA-256) in typed arrays: 16 bytes per member at most, where a
 * `Set<string>` costs several times that. It lets a parser find the same NIR or household twice in a file of millions
 * of records without its memory growing like the file. Two different values share a fingerprint with a probability
 * near n²/2⁶⁵ (about 10⁻⁷ for three million members).
 */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  private count = 0;

  constructor(initialCapacity = 1024) {
    const capacity = 2 ** Math.ceil(Math.log2(Math.max(16, initialCapacity * 2)));
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** The fingerprint of a value, as two 32-bit halves. */
  static of(value: string): [number, number] {
    const digest = createHash('sha256').update(value).digest();
    return [digest.readUInt32BE(0), digest.readUInt32BE(4)];
  }

  has(fingerprint: readonly [number, number]): boolean {
    return this.slot(fingerprint[0] >>> 0, fingerprint[1] >>> 0) < 0;
  }

  /** Adds the fingerprint; false when it was already there. */
  add(fingerprint: readonly [number, number]): boolean {
    const hi = fingerprint[0] >>> 0;
    const lo = fingerprint[1] >>> 0;
    const slot = this.slot(hi, lo);
    if (slot < 0) return false;
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.used[slot] = 1;
    this.count += 1;
    if (this.count * 2 > this.used.length) this.grow();
    return true;
  }

  /** The free slot where the fingerprint goes, or -1 when it is present (linear probing, load ≤ 1/2). */
  private slot(hi: number, lo: number): number {
    const mask = this.used.length - 1;
    for (let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & mask; ; i = (i + 1) & mask) {
      if (!this.used[i]) return i;
      if (this.hi[i] === hi && this.lo[i] === lo) return -1;
    }
  }

  private grow(): void {
    const { hi, lo, used } = this;
    this.hi = new Uint32Array(used.length * 2);
    this.lo = new Uint32Array(used.length * 2);
    this.used = new Uint8Array(used.length * 2);
    this.count = 0;
    for (let i = 0; i < used.length; i += 1) if (used[i]) this.add([hi[i], lo[i]]);
  }
}
