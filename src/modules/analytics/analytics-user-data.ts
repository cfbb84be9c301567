import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { AnalyticsEvent } from './entities/analytics-event.entity';

/** The product analytics events recorded for the user. */
@Injectable()
@ExportsUserData()
export class AnalyticsUserData implements UserDataExporter {
  readonly name = 'analytics';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return [await rowsFile(em, 'events.json', AnalyticsEvent, { userId })];
  }
}
