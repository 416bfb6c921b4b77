import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Clock, DomainError } from '#kernel';
import { UnitOfWork } from '#platform';
import { User } from '../../../domain/user/user.js';
import { UserRepository } from '../../../domain/user/user.repository.js';
import { PasswordHasher } from '../../ports/password-hasher.js';
import { RegisterUserCommand } from './register-user.command.js';

@CommandHandler(RegisterUserCommand)
export class RegisterUserHandler implements ICommandHandler<RegisterUserCommand> {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly uow: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute({ email, password, name }: RegisterUserCommand): Promise<{ userId: string; created: boolean }> {
    return this.uow.run(async () => {
      const existing = await this.users.findByEmail(email);
      if (existing) {
        if (await this.hasher.verify(existing.passwordHash, password)) return { userId: existing.id, created: false };
        throw new DomainError('identity.email_already_registered', 'A user with this email already exists; sign in with its password to link it.');
      }
      const user = User.register(email, name, await this.hasher.hash(password), this.clock.now());
      await this.users.insert(user);
      await this.uow.publish(user.pullEvents());
      return { userId: user.id, created: true };
    });
  }
}
