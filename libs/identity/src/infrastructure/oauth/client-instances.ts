import { timingSafeEqual } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { SecretHasher } from '#platform';
import type { ClientAdapterSource } from './client.adapter.js';

type ClientModel = Provider['Client'];
type ClientInstance = NonNullable<Awaited<ReturnType<ClientModel['find']>>>;

/**
 * oidc-provider finds a stored client's instance by JSON-stringifying and
 * hashing the adapter's metadata on every request. The adapter serves one
 * metadata object per client until that client changes or its cache entry is
 * renewed, so the instance is kept per metadata object instead. The provider's
 * own find runs after the adapter read here, so an entry only ever maps
 * metadata to an instance built from the same or newer metadata.
 */
export function keepClientInstances(Client: ClientModel, clients: ClientAdapterSource): void {
  const find = Client.find.bind(Client);
  const instances = new WeakMap<object, ClientInstance>();
  Client.find = async (id: string) => {
    const metadata = typeof id === 'string' && id.length > 0 ? await clients.find(id) : undefined;
    if (!metadata) return find(id);
    const known = instances.get(metadata);
    if (known) return known;
    const client = await find(id);
    if (client) instances.set(metadata, client);
    return client;
  };
}

/**
 * Client secrets are verified against their stored keyed hash once per client
 * instance; the instance then keeps the secret that passed, in memory only, and
 * compares later ones in constant time. Hashing on every request was the
 * token endpoint's largest own cost: each OpenSSL digest call takes locks the
 * thread pool's token signing holds. An instance holds one stored hash, so any
 * other secret presented to it is wrong; a changed secret means changed
 * metadata and so a new instance, which verifies afresh.
 */
export function verifyClientSecrets(Client: ClientModel, hasher: SecretHasher): void {
  const verified = new WeakMap<object, Buffer>();
  Client.prototype.compareClientSecret = async function compareClientSecret(this: ClientInstance & { clientSecret?: string }, presented: string) {
    if (!this.clientSecret) return false;
    const candidate = Buffer.from(presented);
    const known = verified.get(this);
    if (known) return known.length === candidate.length && timingSafeEqual(known, candidate);
    const matches = hasher.verify(this.clientSecret, presented);
    if (matches) verified.set(this, candidate);
    return matches;
  };
}
