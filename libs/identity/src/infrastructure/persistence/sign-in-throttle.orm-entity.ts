import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ schema: 'identity', name: 'sign_in_throttles' })
export class SignInThrottleOrmEntity {
  /** `account:<email>` or `ip:<address>` */
  @PrimaryColumn('text')
  key!: string;

  @Column('int')
  failures!: number;

  @Column('timestamptz', { name: 'window_started_at' })
  windowStartedAt!: Date;

  @Column('timestamptz', { name: 'locked_until', nullable: true })
  lockedUntil!: Date | null;
}
