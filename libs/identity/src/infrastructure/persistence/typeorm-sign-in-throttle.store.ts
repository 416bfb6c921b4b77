import { Injectable } from '@nestjs/common';
import { UnitOfWork } from '#platform';
import { SignInThrottleStore } from '../../application/ports/sign-in-throttle.store.js';
import type { ThrottleState } from '../../domain/sign-in/sign-in-throttle.js';
import { SignInThrottleOrmEntity } from './sign-in-throttle.orm-entity.js';

@Injectable()
export class TypeOrmSignInThrottleStore extends SignInThrottleStore {
  constructor(private readonly uow: UnitOfWork) {
    super();
  }

  private get rows() {
    return this.uow.manager.getRepository(SignInThrottleOrmEntity);
  }

  async get(keys: string[]): Promise<Map<string, ThrottleState>> {
    const rows = await this.rows.createQueryBuilder('t').where('t.key IN (:...keys)', { keys }).getMany();
    return new Map(rows.map((row) => [row.key, row]));
  }

  async put(key: string, state: ThrottleState): Promise<void> {
    await this.rows.upsert({ key, ...state }, ['key']);
  }

  async clear(key: string): Promise<void> {
    await this.rows.delete({ key });
  }
}
