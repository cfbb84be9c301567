/** What the push step sends (the push module's `PushSender.sendToUser` takes exactly this). */
export interface PushMessage {
  title: string;
  body: string;
  url?: string;
  data?: Record<string, string>;
}

/** The push channel the fan-out calls: bound to the push module's `PushSender`. */
export interface PushChannel {
  /** `key` makes a retried notification queue each device's retry once. */
  sendToUser(userId: string, message: PushMessage, options?: { key?: string }): Promise<unknown>;
}

/** Whether an address must not get non-critical mail (bounced, complained): bound to `SuppressionList`. */
export interface SuppressionCheck {
  isSuppressed(email: string): Promise<boolean>;
}

export const PUSH_CHANNEL = Symbol('PUSH_CHANNEL');
export const SUPPRESSION_CHECK = Symbol('SUPPRESSION_CHECK');
