/** How a publish call authenticated: a client-credentials access token, or the client id and secret (HTTP Basic compatibility path). */
export type PublisherCredentials = { scheme: 'bearer'; token: string } | { scheme: 'basic'; clientId: string; secret: string } | { scheme: 'none'; reason: string };

export const MANIFEST_PUBLISH_SCOPE = 'nexidentity.runtime_manifest_publish';
