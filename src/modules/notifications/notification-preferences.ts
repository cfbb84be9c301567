import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  NotificationPreferences,
  type ChannelChoices,
  type DigestFrequency,
  type QuietHours,
} from './entities/notification-preferences.entity';
import {
  CATEGORIES,
  CHANNELS,
  type Channel,
  type NotificationCategory,
} from './notification-types';

/** Defaults per category × channel, for users who never chose. */
export const DEFAULT_CHANNELS: Record<NotificationCategory, Record<Channel, boolean>> = {
  security: { email: true, inApp: true, push: true },
  account: { email: true, inApp: true, push: false },
  billing: { email: true, inApp: true, push: false },
  jobAlerts: { email: true, inApp: true, push: true },
  social: { email: false, inApp: true, push: true },
  teams: { email: true, inApp: true, push: true },
  product: { email: true, inApp: true, push: false },
  newsletter: { email: false, inApp: false, push: false },
};

/** A user's choices with the defaults filled in. */
export interface ResolvedPreferences {
  channels: Record<NotificationCategory, Record<Channel, boolean>>;
  quietHours: QuietHours | null;
  timezone: string;
  jobAlertDigest: DigestFrequency;
}

export function resolvePreferences(stored: NotificationPreferences | null): ResolvedPreferences {
  const channels = {} as ResolvedPreferences['channels'];
  for (const category of CATEGORIES) {
    channels[category] = { ...DEFAULT_CHANNELS[category], ...(stored?.channels[category] ?? {}) };
  }
  return {
    channels,
    quietHours: stored?.quietHours ?? null,
    timezone: stored?.timezone ?? 'UTC',
    jobAlertDigest: stored?.jobAlertDigest ?? 'daily',
  };
}

/** What differs from the defaults: what gets stored. */
export function channelOverrides(
  channels: Partial<Record<NotificationCategory, ChannelChoices>>,
): Partial<Record<NotificationCategory, ChannelChoices>> {
  const overrides: Partial<Record<NotificationCategory, ChannelChoices>> = {};
  for (const category of CATEGORIES) {
    for (const channel of CHANNELS) {
      const value = channels[category]?.[channel];
      if (value === undefined || value === DEFAULT_CHANNELS[category][channel]) continue;
      (overrides[category] ??= {})[channel] = value;
    }
  }
  return overrides;
}

/** Whether `at` falls in the quiet hours, read in the user's time zone. */
export function inQuietHours(quiet: QuietHours | null, timezone: string, at = new Date()): boolean {
  return quietHoursLeftMs(quiet, timezone, at) > 0;
}

/** How long the quiet hours `at` falls in still last (0 outside them), read in the user's time zone. */
export function quietHoursLeftMs(
  quiet: QuietHours | null,
  timezone: string,
  at = new Date(),
): number {
  if (!quiet) return 0;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: timezone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at);
  const hour = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const minute = Number(parts.find((p) => p.type === 'minute')?.value ?? 0);
  const now = hour * 60 + minute;
  const toMinutes = (hhmm: string) => {
    const [h, m] = hhmm.split(':').map(Number);
    return h * 60 + m;
  };
  const start = toMinutes(quiet.start);
  const end = toMinutes(quiet.end);
  if (start === end) return 0;
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return 0;
  const minutesLeft = (end - now + 1440) % 1440;
  const intoMinuteMs = at.getUTCSeconds() * 1000 + at.getUTCMilliseconds();
  return minutesLeft * 60_000 - intoMinuteMs;
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Reads a user's notification preferences (defaults when none are stored). */
@Injectable()
export class NotificationPreferencesReader {
  async of(em: EntityManager, userId: string): Promise<ResolvedPreferences> {
    return resolvePreferences(await em.findOne(NotificationPreferences, { userId }));
  }
}
