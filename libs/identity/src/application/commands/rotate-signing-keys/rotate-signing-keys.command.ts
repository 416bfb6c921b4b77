import { Command } from '@nestjs/cqrs';

export interface SigningKeySummary {
  kid: string;
  status: string;
  activatesAt: string | null;
}

/**
 * Operator key rotation: publishes a next key that signs after
 * `publishAheadHours` (the configured default when omitted, 0 in an
 * emergency); `promoteNow` makes an already published next key sign at once.
 */
export class RotateSigningKeysCommand extends Command<SigningKeySummary[]> {
  constructor(readonly options: { publishAheadHours?: number; promoteNow?: boolean } = {}) {
    super();
  }
}
