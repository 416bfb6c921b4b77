import { Command } from '@nestjs/cqrs';

/**
 * Creates the user for an email, or links to the existing one when the given
 * password is that user's (proof of ownership); otherwise fails with
 * `identity.email_already_registered` (409). Runs in the caller's unit of work.
 */
export class RegisterUserCommand extends Command<{ userId: string; created: boolean }> {
  constructor(
    readonly email: string,
    readonly password: string,
    readonly name: string,
  ) {
    super();
  }
}
