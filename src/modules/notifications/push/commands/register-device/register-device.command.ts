import { Command } from '@nestjs/cqrs';
import type { PushTarget } from '@lib/providers';
import type { DeviceDto } from '../../dto/device.dto';

/** Registers (or refreshes) a device of the user; idempotent per token / endpoint. */
export class RegisterDeviceCommand extends Command<{ device: DeviceDto; created: boolean }> {
  constructor(
    readonly userId: string,
    readonly target: PushTarget,
    readonly name?: string,
  ) {
    super();
  }
}
