import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { SubscribeHookHandler } from './commands/subscribe/subscribe-hook.handler';
import { UnsubscribeHookHandler } from './commands/unsubscribe/unsubscribe-hook.handler';
import { HookDeliverer } from './delivery/hook-deliverer';
import { HookPayloads } from './delivery/hook-payloads';
import { EnqueueHookDeliveriesHandler } from './event-handlers/enqueue-hook-deliveries.handler';
import { EraseHooksOfDeletedUserHandler } from './event-handlers/erase-hooks-of-deleted-user.handler';
import { NotifyDeactivatedHookHandler } from './event-handlers/notify-deactivated-hook.handler';
import { HooksController } from './hooks.controller';
import { DeliverHookProcessor } from './jobs/deliver-hook.processor';
import { ListHookDeliveriesHandler } from './queries/list-deliveries/list-deliveries.handler';
import { ListHooksHandler } from './queries/list-hooks/list-hooks.handler';
import { HookSamplesHandler } from './queries/samples/hook-samples.handler';
import './hooks.notifications';
import { HooksUserData } from './hooks-user-data';

/**
 * Outgoing webhooks (Zapier REST hooks): subscriptions, the fan-out of domain
 * events to them (`hooks` queue, one job per event and subscription) and the
 * signed, SSRF-guarded delivery with retries in the worker.
 */
@Module({})
export class HooksModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: HooksModule,
      imports: [CqrsModule],
      controllers: [HooksController],
      providers: [
        HooksUserData,
        HookPayloads,
        SubscribeHookHandler,
        UnsubscribeHookHandler,
        ListHooksHandler,
        ListHookDeliveriesHandler,
        HookSamplesHandler,
        EnqueueHookDeliveriesHandler,
        NotifyDeactivatedHookHandler,
        EraseHooksOfDeletedUserHandler,
        ...(runsWorker ? [HookDeliverer, DeliverHookProcessor] : []),
      ],
    };
  }
}
