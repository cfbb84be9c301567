import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { RegisterDeviceHandler } from './commands/register-device/register-device.handler';
import { RemoveDeviceHandler } from './commands/remove-device/remove-device.handler';
import { EraseDevicesOfDeletedUserHandler } from './event-handlers/erase-devices-of-deleted-user.handler';
import { DeliverPushProcessor } from './jobs/deliver-push.processor';
import { MeDevicesController } from './me-devices.controller';
import { PushDrivers } from './push-drivers';
import { PushSender } from './push-sender';
import { PushController } from './push.controller';
import { ListDevicesHandler } from './queries/list-devices/list-devices.handler';

/**
 * Push: device registration (FCM tokens, Web Push subscriptions) and delivery
 * through FCM HTTP v1 and Web Push (VAPID). `PushSender` is what the
 * notifications fan-out calls; retries run in the worker's `push` queue.
 */
@Module({})
export class PushModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: PushModule,
      global: true, // PushSender for the notifications fan-out
      imports: [CqrsModule],
      controllers: [MeDevicesController, PushController],
      providers: [
        PushDrivers,
        PushSender,
        RegisterDeviceHandler,
        RemoveDeviceHandler,
        ListDevicesHandler,
        EraseDevicesOfDeletedUserHandler,
        ...(runsWorker ? [DeliverPushProcessor] : []),
      ],
      exports: [PushSender],
    };
  }
}
