import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import type { MeDto } from '../../dto/me.dto';
import { User } from '../../entities/user.entity';
import { AVATAR_IMAGES, type AvatarImages } from '../../profile/avatar-images';
import { MeView } from '../../profile/me-view';
import { SetAvatarCommand } from './set-avatar.command';

/**
 * The files module checks the upload (the user's, ready, a profile image) and
 * says where its square renditions are; the account keeps that. The upload it
 * replaces is deleted after the commit (files module, on AvatarChanged).
 */
@CommandHandler(SetAvatarCommand)
export class SetAvatarHandler implements ICommandHandler<SetAvatarCommand, MeDto> {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(AVATAR_IMAGES) private readonly images: AvatarImages,
    private readonly view: MeView,
  ) {}

  async execute({ userId, fileId }: SetAvatarCommand): Promise<MeDto> {
    const avatar = await this.images.resolve(userId, fileId);
    return this.uow.run(async (em) => {
      const user = await em.findOneOrFail(User, userId);
      user.setAvatar(avatar);
      return this.view.of(user);
    });
  }
}
