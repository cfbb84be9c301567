import { Command } from '@nestjs/cqrs';

/** Deletes one of the user's devices (404 for anyone else's). */
export class RemoveDeviceCommand extends Command<void> {
  constructor(
    readonly userId: string,
    readonly deviceId: string,
  ) {
    super();
  }
}
