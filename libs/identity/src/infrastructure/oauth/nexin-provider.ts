import Provider, { type CanBePromise, type Configuration, errors, type KoaContextWithOIDC, type TokenEndpointGrantContext } from 'oidc-provider';
import { allowedTokenScopes } from './oidc-configuration.js';

type GrantHandler = (ctx: KoaContextWithOIDC) => Promise<void>;

/**
 * oidc-provider with our token-endpoint rules, applied to every grant type
 * (built-in ones are registered through this method by the constructor):
 * a client-credentials request without `scope` gets the client's scopes, and
 * one asking for a scope the client may not have is refused with
 * `invalid_scope` (the provider itself would drop it silently, and a request
 * left with no scope would get a token good for nothing).
 */
export function createNexinProvider(issuer: string, configuration: Configuration): Provider {
  class NexinProvider extends Provider {
    // A method, not a field: the base constructor calls it before fields are initialised.
    override registerGrantType<P extends object>(
      name: string,
      handler: (ctx: TokenEndpointGrantContext<P>) => CanBePromise<void>,
      params?: string | ReadonlySet<string> | readonly string[],
      dupes?: string | ReadonlySet<string> | readonly string[],
    ): void {
      const original = handler as unknown as GrantHandler;
      const wrapped: GrantHandler =
        name === 'client_credentials'
          ? async (ctx) => {
              const params = ctx.oidc.params as { scope?: string };
              const allowed = allowedTokenScopes(ctx.oidc.client as never);
              if (!params.scope) params.scope = allowed.list || undefined;
              else {
                const refused = params.scope.split(' ').find((scope) => scope !== '' && !allowed.set.has(scope));
                // The answer names it in `scope`, as the provider's own invalid_scope does.
                if (refused !== undefined) throw new errors.InvalidScope('requested scope is not allowed for this client', refused);
              }
              return original(ctx);
            }
          : original;
      super.registerGrantType(name, wrapped as never, params as never, dupes as never);
    }
  }
  return new NexinProvider(issuer, configuration);
}
