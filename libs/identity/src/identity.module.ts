import { Global, Module, type OnModuleInit } from '@nestjs/common';
import { AccessTokenVerifier, AuditActorNames, type PersistenceParts, registerErrorStatuses, SignInSessions } from '#platform';
import { UserDirectory } from '#tenancy';
import { ClientsController } from './api/clients/clients.controller.js';
import { InteractionController } from './api/interaction/interaction.controller.js';
import { DeleteClientHandler } from './application/commands/delete-client/delete-client.handler.js';
import { ProvisionClientHandler } from './application/commands/provision-client/provision-client.handler.js';
import { RegisterUserHandler } from './application/commands/register-user/register-user.handler.js';
import { RotateClientSecretHandler } from './application/commands/rotate-client-secret/rotate-client-secret.handler.js';
import { RotateSigningKeysHandler } from './application/commands/rotate-signing-keys/rotate-signing-keys.handler.js';
import { SetClientStatusHandler } from './application/commands/set-client-status/set-client-status.handler.js';
import { RemoveClientsOfDeletedApplication } from './application/event-handlers/remove-clients-of-deleted-application.handler.js';
import { UpdateClientHandler } from './application/commands/update-client/update-client.handler.js';
import { ClientCache } from './application/ports/client-cache.js';
import { GrantContextStore } from './application/ports/grant-context.store.js';
import { PasswordHasher } from './application/ports/password-hasher.js';
import { SignInThrottleStore } from './application/ports/sign-in-throttle.store.js';
import { SigningKeyStore } from './application/ports/signing-key-store.js';
import { FindUserByEmailHandler } from './application/queries/find-user-by-email/find-user-by-email.handler.js';
import { GetClientHandler } from './application/queries/get-client/get-client.handler.js';
import { GetUsersHandler } from './application/queries/get-users/get-users.handler.js';
import { ListClientsHandler } from './application/queries/list-clients/list-clients.handler.js';
import { ClientAccess } from './application/services/client-access.js';
import { ClientChanges } from './application/services/client-changes.js';
import { PasswordSignIn } from './application/services/password-sign-in.js';
import { SigningKeyRotation } from './application/services/signing-key-rotation.js';
import { OAuthClientRepository } from './domain/client/oauth-client.repository.js';
import { UserRepository } from './domain/user/user.repository.js';
import { identityErrorStatuses } from './identity-errors.js';
import { IdentityAuditActorNames } from './infrastructure/audit-actor-names.js';
import { Argon2PasswordHasher } from './infrastructure/crypto/argon2-password-hasher.js';
import { DatabaseSigningKeyStore } from './infrastructure/keys/database-signing-key.store.js';
import { AccountClaimsSource } from './infrastructure/oauth/account-claims.js';
import { ClientAdapterSource } from './infrastructure/oauth/client.adapter.js';
import { ActiveClients } from './application/ports/active-clients.js';
import { FindClientHandler } from './application/queries/find-client/find-client.handler.js';
import { VerifyClientSecretHandler } from './application/queries/verify-client-secret/verify-client-secret.handler.js';
import { ExpiredPayloadSweeper } from './infrastructure/oauth/expired-payload.sweeper.js';
import { InteractionFlow } from './infrastructure/oauth/interaction-flow.js';
import { SignInGrants } from './infrastructure/oauth/sign-in-grants.js';
import { MembershipLookup } from './infrastructure/oauth/membership-lookup.js';
import { OAuthHttpHandler } from './infrastructure/oauth/oauth-http.handler.js';
import { OidcProviderHolder } from './infrastructure/oauth/oidc-provider.holder.js';
import { TokenClaimsSource } from './infrastructure/oauth/token-claims.js';
import { UserInfoEndpoint } from './infrastructure/oauth/userinfo.endpoint.js';
import { JwtIntrospection } from './infrastructure/oauth/jwt-introspection.js';
import { TokenStanding } from './infrastructure/oauth/token-standing.js';
import { StoredSignInSessions } from './infrastructure/oauth/stored-sign-in-sessions.js';
import { GrantContextOrmEntity } from './infrastructure/persistence/grant-context.orm-entity.js';
import { IdentitySchema1767000000200 } from './infrastructure/persistence/migrations/1767000000200-identity-schema.js';
import { OAuthClientOrmEntity } from './infrastructure/persistence/oauth-client.orm-entity.js';
import { SignInThrottleOrmEntity } from './infrastructure/persistence/sign-in-throttle.orm-entity.js';
import { SigningKeyOrmEntity } from './infrastructure/persistence/signing-key.orm-entity.js';
import { TypeOrmGrantContextStore } from './infrastructure/persistence/typeorm-grant-context.store.js';
import { TypeOrmOAuthClientRepository } from './infrastructure/persistence/typeorm-oauth-client.repository.js';
import { TypeOrmSignInThrottleStore } from './infrastructure/persistence/typeorm-sign-in-throttle.store.js';
import { TypeOrmUserRepository } from './infrastructure/persistence/typeorm-user.repository.js';
import { TenancyUserDirectory } from './infrastructure/tenancy-user-directory.js';
import { UserOrmEntity } from './infrastructure/persistence/user.orm-entity.js';
import { JwtAccessTokenVerifier } from './infrastructure/tokens/jwt-access-token.verifier.js';

export const identityPersistence: PersistenceParts = {
  entities: [UserOrmEntity, OAuthClientOrmEntity, SigningKeyOrmEntity, GrantContextOrmEntity, SignInThrottleOrmEntity],
  migrations: [IdentitySchema1767000000200],
};

/** Global so tenancy can be given its UserDirectory and SignInSessions, and the audit trail its AuditActorNames, without importing identity. */
@Global()
@Module({
  controllers: [ClientsController, InteractionController],
  providers: [
    { provide: UserRepository, useClass: TypeOrmUserRepository },
    { provide: OAuthClientRepository, useClass: TypeOrmOAuthClientRepository },
    { provide: PasswordHasher, useClass: Argon2PasswordHasher },
    { provide: SigningKeyStore, useClass: DatabaseSigningKeyStore },
    { provide: SignInThrottleStore, useClass: TypeOrmSignInThrottleStore },
    { provide: GrantContextStore, useClass: TypeOrmGrantContextStore },
    ClientAdapterSource,
    { provide: UserDirectory, useClass: TenancyUserDirectory },
    { provide: AuditActorNames, useClass: IdentityAuditActorNames },
    { provide: ClientCache, useExisting: ClientAdapterSource },
    { provide: ActiveClients, useFactory: (source: ClientAdapterSource): ActiveClients => ({ find: (clientId) => source.active(clientId) }), inject: [ClientAdapterSource] },
    FindClientHandler,
    VerifyClientSecretHandler,
    { provide: AccessTokenVerifier, useClass: JwtAccessTokenVerifier },
    { provide: SignInSessions, useClass: StoredSignInSessions },
    SigningKeyRotation,
    PasswordSignIn,
    ClientAccess,
    ClientChanges,
    MembershipLookup,
    AccountClaimsSource,
    TokenClaimsSource,
    OidcProviderHolder,
    SignInGrants,
    InteractionFlow,
    UserInfoEndpoint,
    TokenStanding,
    JwtIntrospection,
    OAuthHttpHandler,
    ExpiredPayloadSweeper,
    RegisterUserHandler,
    RotateSigningKeysHandler,
    ProvisionClientHandler,
    UpdateClientHandler,
    SetClientStatusHandler,
    DeleteClientHandler,
    RotateClientSecretHandler,
    GetUsersHandler,
    FindUserByEmailHandler,
    ListClientsHandler,
    GetClientHandler,
    RemoveClientsOfDeletedApplication,
  ],
  exports: [OAuthHttpHandler, AccessTokenVerifier, SignInSessions, UserDirectory, AuditActorNames],
})
export class IdentityModule implements OnModuleInit {
  onModuleInit(): void {
    registerErrorStatuses(identityErrorStatuses);
  }
}
