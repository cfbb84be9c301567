import { Command } from '@nestjs/cqrs';
import type { Principal } from '@lib/authz';

export class DeletePostCommand extends Command<void> {
  constructor(
    readonly actor: Principal,
    readonly postId: string,
  ) {
    super();
  }
}
