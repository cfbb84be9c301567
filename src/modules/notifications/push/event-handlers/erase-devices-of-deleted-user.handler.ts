import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../../identity';
import { PushDevice } from '../entities/push-device.entity';
import { PushDeviceRemoved } from '../events/push.events';

/** An erased account's devices stop receiving anything. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseDevicesOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(private readonly uow: UnitOfWork) {}

  async handle(event: UserDeleted): Promise<void> {
    const userId = event.streamId;
    await this.uow.run(async (em, events) => {
      const devices = await em.find(PushDevice, { userId });
      for (const device of devices) {
        events.record(
          new PushDeviceRemoved(device.id, {
            userId,
            platform: device.platform,
            reason: 'account_deleted',
          }),
        );
        em.remove(device);
      }
    });
  }
}
