import type { Adapter, AdapterPayload } from 'oidc-provider';

interface Entry {
  payload: AdapterPayload;
  expiresAt: number;
}

/**
 * The local provider's state (sessions, interactions, codes, grants) in memory: a restart signs everyone out, and the
 * access tokens already issued stay valid (they are JWTs, checked with the public keys). One store per model, shared
 * by the provider's instances of that model.
 */
export function memoryAdapterFactory(): (model: string) => Adapter {
  const stores = new Map<string, Map<string, Entry>>();
  return (model: string) => {
    let store = stores.get(model);
    if (!store) stores.set(model, (store = new Map()));
    return new MemoryAdapter(store, (name) => stores.get(name));
  };
}

class MemoryAdapter implements Adapter {
  constructor(
    private readonly store: Map<string, Entry>,
    private readonly other: (model: string) => Map<string, Entry> | undefined,
  ) {}

  async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
    this.sweep();
    this.store.set(id, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
  }

  async find(id: string): Promise<AdapterPayload | undefined> {
    const entry = this.store.get(id);
    if (!entry) return undefined;
    if (entry.expiresAt <= Date.now()) {
      this.store.delete(id);
      return undefined;
    }
    return entry.payload;
  }

  async findByUid(uid: string): Promise<AdapterPayload | undefined> {
    for (const [id, entry] of this.store) if (entry.payload.uid === uid) return this.find(id);
    return undefined;
  }

  async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
    for (const [id, entry] of this.store) if (entry.payload.userCode === userCode) return this.find(id);
    return undefined;
  }

  async consume(id: string): Promise<void> {
    const entry = this.store.get(id);
    if (entry) entry.payload.consumed = Math.floor(Date.now() / 1000);
  }

  async destroy(id: string): Promise<void> {
    this.store.delete(id);
  }

  async revokeByGrantId(grantId: string): Promise<void> {
    for (const model of ['AccessToken', 'AuthorizationCode', 'RefreshToken', 'Grant']) {
      const store = this.other(model);
      if (!store) continue;
      for (const [id, entry] of store) if (entry.payload.grantId === grantId) store.delete(id);
    }
  }

  /** Drops expired entries now and then, so that a long `npm start` does not grow without bound. */
  private sweep(): void {
    if (this.store.size < 1000) return;
    const now = Date.now();
    for (const [id, entry] of this.store) if (entry.expiresAt <= now) this.store.delete(id);
  }
}
