import { Injectable } from '@nestjs/common';
import { UserCache } from '../user-cache';
import { DEFAULT_LOCALE, DEFAULT_TIME_ZONE } from './locale-and-zone';

export interface LocaleAndZone {
  /** Canonical BCP 47 tag, e.g. `pt-BR`. */
  locale: string;
  /** IANA time zone name, e.g. `Europe/Berlin`. */
  timezone: string;
}

/**
 * A user's language and time zone for other modules (emails, digests, job
 * alerts, schedules). Reads the per-replica user cache, which every change of
 * the user drops. An unknown (deleted) user gets the defaults.
 */
@Injectable()
export class UserPreferencesReader {
  constructor(private readonly users: UserCache) {}

  async localeAndZone(userId: string): Promise<LocaleAndZone> {
    const user = await this.users.find(userId);
    return {
      locale: user?.locale ?? DEFAULT_LOCALE,
      timezone: user?.timezone ?? DEFAULT_TIME_ZONE,
    };
  }
}
