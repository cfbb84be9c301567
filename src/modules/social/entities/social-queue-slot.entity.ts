import { Entity, ManyToOne, PrimaryKey, Property, Unique, type Ref } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import { SocialAccount } from './social-account.entity';

/** A weekly posting time of an account, in the account's timezone (weekday 0 = Sunday). */
@Entity({ tableName: 'social_queue_slots' })
@Unique({ properties: ['account', 'weekday', 'time'] })
export class SocialQueueSlot {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => SocialAccount, { ref: true, deleteRule: 'cascade' })
  account!: Ref<SocialAccount>;

  @Property({ type: 'smallint' })
  weekday!: number;

  /** `HH:MM`, 24 h. */
  @Property({ type: 'text' })
  time!: string;
}
