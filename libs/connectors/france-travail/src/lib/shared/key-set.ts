/**
 * A set of record keys that costs 8 bytes per key (plus free slots), whatever the key length: each key is kept as a
 * 64-bit fingerprint (two independent 32-bit hashes) in an open-addressing table. Used to find the keys seen twice in
 * one file; a false "already seen" needs two different keys with the same 64 bits (about 1 in 10^5 for 20 million
 * keys), which is acceptable for a duplicate warning that names both lines' key.
 */
export class KeySet {
  private table: Uint32Array;
  private mask: number;
  private count = 0;

  constructor(initialCapacity = 1024) {
    let capacity = 16;
    while (capacity < initialCapacity * 2) capacity *= 2;
    this.table = new Uint32Array(capacity * 2);
    this.mask = capacity - 1;
  }

  get size(): number {
    return this.count;
  }

  /** Adds the key; returns false when it was already there. */
  add(key: string): boolean {
    const [h1, h2] = fingerprint(key);
    if (this.insert(h1, h2)) {
      this.count++;
      if (this.count * 4 > (this.mask + 1) * 3) this.grow();
      return true;
    }
    return false;
  }

  has(key: string): boolean {
    const [h1, h2] = fingerprint(key);
    let slot = h1 & this.mask;
    for (;;) {
      const a = this.table[slot * 2];
      const b = this.table[slot * 2 + 1];
      if (a === 0 && b === 0) return false;
      if (a === h1 && b === h2) return true;
      slot = (slot + 1) & this.mask;
    }
  }

  private insert(h1: number, h2: number): boolean {
    let slot = h1 & this.mask;
    for (;;) {
      const a = this.table[slot * 2];
      const b = this.table[slot * 2 + 1];
      if (a === 0 && b === 0) {
        this.table[slot * 2] = h1;
        this.table[slot * 2 + 1] = h2;
        return true;
      }
      if (a === h1 && b === h2) return false;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const old = this.table;
    this.table = new Uint32Array(old.length * 2);
    this.mask = old.length - 1;
    for (let i = 0; i < old.length; i += 2) {
      if (old[i] !== 0 || old[i + 1] !== 0) this.insert(old[i], old[i + 1]);
    }
  }
}

/** Two 32-bit lanes of a cyrb53-style hash over the UTF-16 code units; (0, 0) is reserved for free slots. */
function fingerprint(key: string): [number, number] {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  h1 >>>= 0;
  h2 >>>= 0;
  return h1 === 0 && h2 === 0 ? [0, 1] : [h1, h2];
}
