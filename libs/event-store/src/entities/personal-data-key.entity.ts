import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The key that seals one person's data in the event store, itself sealed with
 * the data-encryption key. Erasing a person drops the key and keeps the row
 * (`shreddedAt`), so nothing about them is ever sealed again.
 */
@Entity({ tableName: 'personal_data_keys' })
export class PersonalDataKey {
  @PrimaryKey({ type: 'uuid' })
  subjectId!: string;

  @Property({ type: 'text', nullable: true })
  sealedKey!: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  shreddedAt!: Date | null;
}
