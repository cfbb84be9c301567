import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { uuidv7 } from 'uuidv7';
import type { PushPlatform, PushTarget } from '@lib/providers';

/**
 * A device that receives push: an FCM registration token, or a browser's Web
 * Push subscription (`token` holds its endpoint URL, `p256dh`/`auth` its keys).
 * A token belongs to one user at a time: registering it again moves it.
 */
@Entity({ tableName: 'push_devices' })
@Index({ properties: ['userId', 'lastSeenAt'] })
export class PushDevice {
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Property({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'text' })
  platform!: PushPlatform;

  /** FCM registration token, or the Web Push endpoint URL. */
  @Property({ type: 'text' })
  @Unique()
  token!: string;

  @Property({ type: 'text', nullable: true })
  p256dh?: string | null;

  @Property({ type: 'text', nullable: true })
  auth?: string | null;

  /** What the user calls it ("Firefox on my laptop"). */
  @Property({ type: 'text', nullable: true })
  name?: string | null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Last (re-)registration: apps register their token on every start. */
  @Property({ type: 'timestamptz' })
  lastSeenAt: Date = new Date();
}

/** Where to push for a stored device. */
export function pushTargetOf(device: PushDevice): PushTarget {
  return device.platform === 'fcm'
    ? { platform: 'fcm', token: device.token }
    : {
        platform: 'webpush',
        endpoint: device.token,
        keys: { p256dh: device.p256dh ?? '', auth: device.auth ?? '' },
      };
}
