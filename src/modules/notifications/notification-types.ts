import type { RegisteredTemplate } from '../mail';

/** Ways a notification reaches someone. */
export const CHANNELS = ['email', 'inApp', 'push'] as const;
export type Channel = (typeof CHANNELS)[number];

/** What a notification is about; preferences are kept per category × channel. */
export const CATEGORIES = [
  'security',
  'account',
  'billing',
  'jobAlerts',
  'social',
  'teams',
  'product',
  'newsletter',
] as const;
export type NotificationCategory = (typeof CATEGORIES)[number];

/** Text of an in-app or push notification. */
export interface NotificationMessage {
  title: string;
  body: string;
  url?: string;
}

/** A notification type, owned by the module that sends it. */
export interface NotificationTypeDefinition<P extends object = Record<string, unknown>> {
  category: NotificationCategory;
  /** The channels this type may use at all; preferences choose among them. */
  channels: Channel[];
  /** Critical types (password reset, security alerts, payment failed, account deletion) ignore preferences. */
  critical?: boolean;
  /**
   * Bursts collapse: notifications of this type for one user within the window
   * (NOTIFICATION_COLLAPSE_WINDOW_SECONDS unless `seconds` is given) are sent as
   * one, with `count` and `items` in its payload.
   */
  collapse?: { seconds?: number };
  /** Job-alert digests go only to users whose digest frequency matches. */
  digest?: 'daily' | 'weekly';
  /** Email template; its payload is the template data (plus `count`/`items` when collapsed). */
  email?: RegisteredTemplate<unknown>;
  /** In-app and push text; default: the email's subject, preview and action link. */
  message?: (payload: P, language: string) => NotificationMessage;
}

export type RegisteredNotificationType = NotificationTypeDefinition<Record<string, unknown>> & {
  type: string;
};

const registry = new Map<string, RegisteredNotificationType>();

/**
 * Registers a module's notification types (names like `billing.payment_failed`,
 * unique across modules). Call it at the top level of a module file, like
 * `defineProblems`; returns the names for `notify(userId, type, …)`.
 */
export function defineNotificationTypes<
  T extends Record<string, NotificationTypeDefinition<never>>,
>(types: T): { [K in keyof T]: K } {
  const names = {} as { [K in keyof T]: K };
  for (const [type, definition] of Object.entries(types)) {
    if (registry.has(type) && registry.get(type)!.category !== definition.category) {
      throw new Error(`Notification type ${type} is defined twice`);
    }
    if (definition.channels.includes('email') && !definition.email) {
      throw new Error(`Notification type ${type} can email but names no email template`);
    }
    if (!definition.email && !definition.message) {
      throw new Error(`Notification type ${type} needs an email template or a message`);
    }
    registry.set(type, { ...(definition as unknown as NotificationTypeDefinition), type });
    (names as Record<string, string>)[type] = type;
  }
  return names;
}

export function notificationType(type: string): RegisteredNotificationType | undefined {
  return registry.get(type);
}

export function notificationTypes(): RegisteredNotificationType[] {
  return [...registry.values()].sort((a, b) => a.type.localeCompare(b.type));
}
