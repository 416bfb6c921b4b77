import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { SigningKeyRotation } from '../../services/signing-key-rotation.js';
import { RotateSigningKeysCommand, type SigningKeySummary } from './rotate-signing-keys.command.js';

@CommandHandler(RotateSigningKeysCommand)
export class RotateSigningKeysHandler implements ICommandHandler<RotateSigningKeysCommand> {
  constructor(private readonly rotation: SigningKeyRotation) {}

  async execute({ options }: RotateSigningKeysCommand): Promise<SigningKeySummary[]> {
    const keys = await this.rotation.rotate(options);
    return keys.map((key) => ({ kid: key.kid, status: key.status, activatesAt: key.activatesAt?.toISOString() ?? null }));
  }
}
