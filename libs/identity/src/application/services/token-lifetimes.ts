/** Token lifetimes shared by the provider configuration and key rotation. */
export const ID_TOKEN_TTL_SECONDS = 3600;
export const REFRESH_TOKEN_TTL_SECONDS = 14 * 24 * 3600;
export const GRANT_TTL_SECONDS = 30 * 24 * 3600;
export const SESSION_TTL_SECONDS = 14 * 24 * 3600;
export const AUTHORIZATION_CODE_TTL_SECONDS = 60;
export const INTERACTION_TTL_SECONDS = 3600;
/** Concurrent refreshes with the same token within this window are not treated as reuse. */
export const REFRESH_REUSE_LEEWAY_SECONDS = 3;
