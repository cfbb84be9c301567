import { LockMode } from '@mikro-orm/core';
import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { DeviceDto } from '../../dto/device.dto';
import { PushDevice } from '../../entities/push-device.entity';
import { PushDeviceRegistered, PushDeviceRemoved } from '../../events/push.events';
import { PushDrivers } from '../../push-drivers';
import { pushProblems } from '../../push.problems';
import { assertUsableSubscription } from '../../web-push-endpoints';
import { RegisterDeviceCommand } from './register-device.command';

/**
 * Apps register their token on every start, so this is idempotent per token
 * (FCM) or endpoint (Web Push): a known one is refreshed (and moves to this user
 * if another account had it: the device changed hands). Beyond the per-user
 * limit, the least recently seen devices are dropped.
 */
@CommandHandler(RegisterDeviceCommand)
export class RegisterDeviceHandler implements ICommandHandler<RegisterDeviceCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    private readonly drivers: PushDrivers,
  ) {}

  async execute(command: RegisterDeviceCommand): Promise<{ device: DeviceDto; created: boolean }> {
    const { target } = command;
    if (target.platform === 'fcm' && !this.drivers.fcm) {
      throw pushProblems.problem(
        'push.fcm_not_configured',
        'This server has no FCM service account; register a Web Push subscription instead.',
      );
    }
    if (target.platform === 'webpush') {
      assertUsableSubscription(target, this.config.isProduction);
    }
    try {
      return await this.register(command);
    } catch (error) {
      // Two registrations of one new token at once: the loser finds the winner's row.
      if (error instanceof UniqueConstraintViolationException) return this.register(command);
      throw error;
    }
  }

  private register({
    userId,
    target,
    name,
  }: RegisterDeviceCommand): Promise<{ device: DeviceDto; created: boolean }> {
    const token = target.platform === 'fcm' ? target.token : target.endpoint;
    const keys = target.platform === 'webpush' ? target.keys : undefined;
    return this.uow.run(async (em, events) => {
      let device = await em.findOne(
        PushDevice,
        { token },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      let created = false;
      if (device && device.userId !== userId) {
        events.record(
          new PushDeviceRemoved(device.id, {
            userId: device.userId,
            platform: device.platform,
            reason: 'reassigned',
          }),
        );
        em.remove(device);
        await em.flush();
        device = null;
      }
      if (!device) {
        device = em.create(PushDevice, {
          userId,
          platform: target.platform,
          token,
          createdAt: new Date(),
          lastSeenAt: new Date(),
        });
        created = true;
        events.record(new PushDeviceRegistered(device.id, { userId, platform: target.platform }));
      }
      device.lastSeenAt = new Date();
      if (keys) {
        device.p256dh = keys.p256dh;
        device.auth = keys.auth;
      }
      if (name !== undefined) device.name = name;
      await em.flush();
      if (created) await this.dropBeyondLimit(em, events, userId);
      return { device: DeviceDto.from(device), created };
    });
  }

  private async dropBeyondLimit(em: EntityManager, events: EventRecorder, userId: string) {
    const devices = await em.find(
      PushDevice,
      { userId },
      { orderBy: { lastSeenAt: 'desc', id: 'desc' } },
    );
    for (const old of devices.slice(this.config.env.PUSH_MAX_DEVICES_PER_USER)) {
      events.record(
        new PushDeviceRemoved(old.id, { userId, platform: old.platform, reason: 'limit' }),
      );
      em.remove(old);
    }
  }
}
