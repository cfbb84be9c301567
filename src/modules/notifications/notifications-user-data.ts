import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  emailOf,
  ExportsUserData,
  jsonFile,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { EmailSuppression } from './deliverability/entities/email-suppression.entity';
import { Notification } from './entities/notification.entity';
import { NotificationDelivery } from './entities/notification-delivery.entity';
import { NotificationPreferences } from './entities/notification-preferences.entity';
import { PushDevice } from './push/entities/push-device.entity';

/**
 * Notification preferences, the in-app inbox, each channel's deliveries, the devices
 * registered for push (platform, name, dates: never the FCM token, Web Push endpoint or
 * keys, which are credentials to push to the device), and a suppression of the address.
 */
@Injectable()
@ExportsUserData()
export class NotificationsUserData implements UserDataExporter {
  readonly name = 'notifications';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const devices = await em.find(PushDevice, { userId }, { orderBy: { createdAt: 'asc' } });
    const email = await emailOf(em, userId);
    return [
      await rowsFile(em, 'preferences.json', NotificationPreferences, { userId }),
      await rowsFile(em, 'inbox.json', Notification, { userId }),
      await rowsFile(em, 'deliveries.json', NotificationDelivery, { userId }),
      jsonFile(
        'push-devices.json',
        devices.map((d) => ({
          id: d.id,
          platform: d.platform,
          name: d.name ?? null,
          createdAt: d.createdAt,
          lastSeenAt: d.lastSeenAt,
        })),
      ),
      email
        ? await rowsFile(em, 'email-suppression.json', EmailSuppression, { email })
        : jsonFile('email-suppression.json', []),
    ];
  }
}
