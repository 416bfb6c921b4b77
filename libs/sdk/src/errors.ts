/** Why a token was refused. Every failure refuses: the validator fails closed. */
export type TokenFailure =
  | 'malformed'
  | 'invalid_signature'
  | 'invalid_issuer'
  | 'invalid_audience'
  | 'expired'
  | 'not_yet_valid'
  | 'insufficient_scope'
  | 'discovery_failed';

export class TokenValidationError extends Error {
  override readonly name = 'TokenValidationError';

  constructor(
    readonly failure: TokenFailure,
    message: string,
  ) {
    super(message);
  }
}

/** The issuer could not be reached or answered something unusable. */
export class NexinIdUnavailableError extends Error {
  override readonly name = 'NexinIdUnavailableError';
}
