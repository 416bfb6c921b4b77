import { Injectable } from '@nestjs/common';
import { SignInSessions } from '#platform';
import { OidcProviderHolder } from './oidc-provider.holder.js';

/** Sessions as oidc-provider keeps them: signed out (destroyed) or expired is not active. */
@Injectable()
export class ProviderSignInSessions extends SignInSessions {
  constructor(private readonly holder: OidcProviderHolder) {
    super();
  }

  async active(sessionId: string): Promise<boolean> {
    return Boolean(await this.holder.provider.Session.findByUid(sessionId));
  }
}
