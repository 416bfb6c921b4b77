import { Injectable } from '@nestjs/common';
import { In } from 'typeorm';
import { DomainError } from '#kernel';
import { isUniqueViolation, UnitOfWork } from '#platform';
import { normalizeEmail, User, type UserStatus } from '../../domain/user/user.js';
import { UserRepository } from '../../domain/user/user.repository.js';
import { UserOrmEntity } from './user.orm-entity.js';

const toDomain = (row: UserOrmEntity): User => User.restore({ ...row, status: row.status as UserStatus });

@Injectable()
export class TypeOrmUserRepository extends UserRepository {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(UserOrmEntity);
  }

  async findByEmail(email: string): Promise<User | null> {
    const row = await this.rows.findOneBy({ email: normalizeEmail(email) });
    return row ? toDomain(row) : null;
  }

  async findById(id: string): Promise<User | null> {
    const row = await this.rows.findOneBy({ id });
    return row ? toDomain(row) : null;
  }

  async findMany(ids: string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    return (await this.rows.findBy({ id: In(ids) })).map(toDomain);
  }

  async insert(user: User): Promise<void> {
    try {
      await this.rows.insert(user.snapshot());
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new DomainError('identity.email_already_registered', 'A user with this email already exists.');
      }
      throw error;
    }
  }
}
