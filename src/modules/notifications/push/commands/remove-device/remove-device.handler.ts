import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { PushDevice } from '../../entities/push-device.entity';
import { PushDeviceRemoved } from '../../events/push.events';
import { pushProblems } from '../../push.problems';
import { RemoveDeviceCommand } from './remove-device.command';

/** Deletes one of the caller's devices; another user's device is a 404, as if it did not exist. */
@CommandHandler(RemoveDeviceCommand)
export class RemoveDeviceHandler implements ICommandHandler<RemoveDeviceCommand> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ userId, deviceId }: RemoveDeviceCommand): Promise<void> {
    await this.uow.run(async (em, events) => {
      const device = await em.findOne(PushDevice, { id: deviceId, userId });
      if (!device) throw pushProblems.problem('push.device_not_found', 'No such device.');
      em.remove(device);
      events.record(
        new PushDeviceRemoved(device.id, { userId, platform: device.platform, reason: 'user' }),
      );
    });
  }
}
