import { Command } from '@nestjs/cqrs';
import type { PublisherCredentials } from '../../services/publisher-credentials.js';
import type { PublishManifestResult } from '../../views.js';

export type PublishMode = 'publish' | 'dry-run';
/** What to do with roles, grants and policies naming a removed permission: refuse the publish (409), or delete them. */
export type ReferencePolicy = 'refuse' | 'prune';

/**
 * Publishes `document` (unvalidated JSON, checked against the manifest schema
 * by the handler) as the next manifest version of the application with key
 * `applicationKey`, on behalf of the ManifestPublisher the credentials name.
 */
export class PublishManifestCommand extends Command<PublishManifestResult> {
  constructor(
    readonly credentials: PublisherCredentials,
    readonly applicationKey: string,
    readonly document: unknown,
    readonly mode: PublishMode,
    readonly references: ReferencePolicy,
    readonly ip: string | undefined,
  ) {
    super();
  }
}
