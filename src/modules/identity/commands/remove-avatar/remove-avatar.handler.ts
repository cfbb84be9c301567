import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../../entities/user.entity';
import { RemoveAvatarCommand } from './remove-avatar.command';

@CommandHandler(RemoveAvatarCommand)
export class RemoveAvatarHandler implements ICommandHandler<RemoveAvatarCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ userId }: RemoveAvatarCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, userId);
      user.removeAvatar();
    });
  }
}
