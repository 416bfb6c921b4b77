import type { Principal } from '#platform';

const MAX_ENTRIES = 10_000;

/** Principals of verified tokens until their `exp`; bounded, oldest evicted first. */
export class VerifiedTokenCache {
  readonly #entries = new Map<string, Principal>();

  get(token: string, nowSeconds: number): Principal | undefined {
    const principal = this.#entries.get(token);
    if (!principal) return undefined;
    if (principal.expiresAt <= nowSeconds) {
      this.#entries.delete(token);
      return undefined;
    }
    return principal;
  }

  set(token: string, principal: Principal): void {
    if (this.#entries.size >= MAX_ENTRIES) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(token, principal);
  }
}
