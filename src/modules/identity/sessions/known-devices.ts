import { createHash } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

export type DeviceSighting = 'first' | 'known' | 'new';

/**
 * Remembers the devices a user signs in from. `first` is the very first
 * sign-in (nothing to compare with), `new` a device never seen before.
 */
export async function recordDevice(
  em: EntityManager,
  userId: string,
  userAgent: string | undefined,
): Promise<DeviceSighting> {
  const deviceHash = createHash('sha256')
    .update(userAgent?.trim() || 'unknown')
    .digest('base64url');
  const [row] = await em.execute<{ inserted: boolean; others: number }[]>(
    `with previous as (select count(*)::int as others from user_devices where user_id = ? and device_hash <> ?),
          upsert as (
            insert into user_devices (user_id, device_hash, first_seen_at, last_seen_at)
            values (?, ?, now(), now())
            on conflict (user_id, device_hash) do update set last_seen_at = now()
            returning (xmax = 0) as inserted)
     select upsert.inserted, previous.others from upsert, previous`,
    [userId, deviceHash, userId, deviceHash],
  );
  if (!row.inserted) return 'known';
  return row.others > 0 ? 'new' : 'first';
}
