/** What a push carries: a visible notification plus string data for the app. */
export interface PushMessage {
  title: string;
  body: string;
  /** Opened when the notification is clicked. */
  url?: string;
  data?: Record<string, string>;
}

/** A device to push to: an FCM registration token, or a Web Push subscription. */
export type PushTarget =
  | { platform: 'fcm'; token: string }
  | { platform: 'webpush'; endpoint: string; keys: { p256dh: string; auth: string } };

export type PushPlatform = PushTarget['platform'];

/** What one send did. `gone`: the provider says the token/subscription no longer exists. */
export type PushOutcome =
  | { status: 'sent'; providerMessageId?: string }
  | { status: 'gone'; reason: string }
  | { status: 'retry'; reason: string; retryAfterMs?: number }
  | { status: 'failed'; reason: string };

/** Port each push driver implements: one device per call. Never throws for provider answers. */
export interface PushDriver {
  readonly platform: PushPlatform;
  send(
    target: PushTarget,
    message: PushMessage,
    options?: { ttlSeconds?: number },
  ): Promise<PushOutcome>;
}

/** Parses a Retry-After header (seconds or an HTTP date) into milliseconds. */
export function retryAfterMs(
  value: string | null | undefined,
  now = Date.now(),
): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
