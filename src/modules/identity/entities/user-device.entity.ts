import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A client (by user agent) a user has signed in from. A sign-in from one not
 * seen before is a `security.new_device_login` and the owner is emailed.
 */
@Entity({ tableName: 'user_devices' })
export class UserDevice {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** sha-256 of the user agent: the device is recognised without storing what it says. */
  @PrimaryKey({ type: 'text' })
  deviceHash!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  firstSeenAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt!: Date;
}
