import { Module } from '@nestjs/common';
import type { PersistenceParts } from '#platform';
import { OAuthHttpHandler } from './infrastructure/oauth/oauth-http.handler.js';

export const identityPersistence: PersistenceParts = { entities: [], migrations: [] };

@Module({ providers: [OAuthHttpHandler], exports: [OAuthHttpHandler] })
export class IdentityModule {}
