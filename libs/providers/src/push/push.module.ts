import type { AppConfig } from '@lib/config';
import { FcmPushDriver } from './drivers/fcm.driver';

/** The FCM driver when the service account is configured; undefined otherwise (FCM devices are refused). */
export function createFcmDriver(config: AppConfig): FcmPushDriver | undefined {
  const env = config.env;
  if (!env.FIREBASE_PROJECT_ID || !env.FIREBASE_CLIENT_EMAIL || !env.FIREBASE_PRIVATE_KEY) {
    return undefined;
  }
  return new FcmPushDriver(
    {
      projectId: env.FIREBASE_PROJECT_ID,
      clientEmail: env.FIREBASE_CLIENT_EMAIL,
      privateKey: env.FIREBASE_PRIVATE_KEY.replace(/\\n/g, '\n'),
      tokenUri: env.FIREBASE_TOKEN_URI,
    },
    { baseUrl: env.FCM_BASE_URL, timeoutMs: env.PUSH_TIMEOUT_MS },
  );
}
