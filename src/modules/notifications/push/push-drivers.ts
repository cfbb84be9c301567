import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '@lib/config';
import {
  createFcmDriver,
  generateVapidKeys,
  WebPushDriver,
  type FcmPushDriver,
  type PushDriver,
  type PushPlatform,
} from '@lib/providers';
import { loadVapidKeys } from '../../../bootstrap/secrets';

/**
 * The configured push drivers. Web Push always works (VAPID keys are generated
 * into DATA_DIR/keys outside production); FCM only with a service account:
 * without one, FCM registrations are refused with 503 push.fcm_not_configured
 * and nothing pretends to deliver.
 */
@Injectable()
export class PushDrivers {
  readonly fcm?: FcmPushDriver;
  readonly webPush: WebPushDriver;

  constructor(config: AppConfig) {
    this.fcm = createFcmDriver(config);
    this.webPush = new WebPushDriver(loadVapidKeys(config, generateVapidKeys), {
      timeoutMs: config.env.PUSH_TIMEOUT_MS,
    });
    if (!this.fcm) {
      new Logger('Push').warn(
        'FCM is not configured (FIREBASE_*): FCM device registrations are refused; Web Push works.',
      );
    }
  }

  for(platform: PushPlatform): PushDriver | undefined {
    return platform === 'fcm' ? this.fcm : this.webPush;
  }
}
