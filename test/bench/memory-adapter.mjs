// An in-memory oidc-provider adapter for the bare side of the benchmark.
//
// oidc-provider's own development adapter keeps one Map of member keys per
// grant and, on every upsert, walks it and spreads it into Math.max(...): the
// cost of each token write grows with the number of tokens the grant has ever
// held. Under a benchmark (thousands of rotations on a few grants) the bare
// provider then slows down as the run goes on (refresh from ~1,000/s to ~600/s),
// which would flatter every ratio. This adapter does the same job in O(1):
// Map storage, a Set per grant, lazy expiry and a periodic sweep.

const GRANTABLE = new Set(['AccessToken', 'AuthorizationCode', 'RefreshToken', 'DeviceCode', 'BackchannelAuthenticationRequest']);
const store = new Map(); // `${model}:${id}` -> { payload, expiresAt }
const grants = new Map(); // grantId -> Set of keys
const sessionUids = new Map(); // uid -> session id
const now = () => Date.now();

function live(key) {
  const entry = store.get(key);
  if (!entry) return undefined;
  if (entry.expiresAt && entry.expiresAt <= now()) {
    store.delete(key);
    return undefined;
  }
  return entry.payload;
}

setInterval(() => {
  const at = now();
  for (const [key, entry] of store) if (entry.expiresAt && entry.expiresAt <= at) store.delete(key);
}, 10_000).unref();

export class MemoryAdapter {
  constructor(model) {
    this.model = model;
  }
  key(id) {
    return `${this.model}:${id}`;
  }
  async upsert(id, payload, expiresIn) {
    const key = this.key(id);
    store.set(key, { payload, expiresAt: typeof expiresIn === 'number' ? now() + expiresIn * 1000 : 0 });
    if (GRANTABLE.has(this.model) && payload.grantId) {
      let members = grants.get(payload.grantId);
      if (!members) grants.set(payload.grantId, (members = new Set()));
      members.add(key);
    }
    if (this.model === 'Session' && payload.uid) sessionUids.set(payload.uid, id);
  }
  async find(id) {
    return live(this.key(id));
  }
  async findByUid(uid) {
    const id = sessionUids.get(uid);
    return id === undefined ? undefined : this.find(id);
  }
  async findByUserCode() {
    return undefined;
  }
  async consume(id) {
    const payload = live(this.key(id));
    if (payload) payload.consumed = Math.floor(now() / 1000);
  }
  async destroy(id) {
    const key = this.key(id);
    const payload = store.get(key)?.payload;
    store.delete(key);
    if (payload?.grantId) grants.get(payload.grantId)?.delete(key);
    if (payload?.uid && sessionUids.get(payload.uid) === id) sessionUids.delete(payload.uid);
  }
  async revokeByGrantId(grantId) {
    for (const key of grants.get(grantId) ?? []) store.delete(key);
    grants.delete(grantId);
  }
}
