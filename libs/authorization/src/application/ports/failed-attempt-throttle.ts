/**
 * Counts failed credential checks per key (caller IP and claimed client id),
 * across every instance, so guessing a publisher's secret on the Basic path
 * is slowed to a crawl.
 */
export abstract class FailedAttemptThrottle {
  /** Seconds until `key` may try again, or 0 when it may now. */
  abstract retryAfter(key: string): Promise<number>;
  abstract recordFailure(key: string): Promise<void>;
  abstract reset(key: string): Promise<void>;
}
