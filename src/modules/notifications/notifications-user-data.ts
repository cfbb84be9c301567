import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { Notification } from './entities/notification.entity';
import { NotificationPreferences } from './entities/notification-preferences.entity';

/** Notification preferences and the in-app inbox. */
@Injectable()
@ExportsUserData()
export class NotificationsUserData implements UserDataExporter {
  readonly name = 'notifications';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'preferences.json', NotificationPreferences, { userId }),
      rowsFile(em, 'inbox.json', Notification, { userId }),
    ]);
  }
}
