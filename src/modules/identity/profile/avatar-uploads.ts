import { Inject, Injectable } from '@nestjs/common';
import { UnitOfWork } from '@lib/event-store';
import { User } from '../entities/user.entity';
import { AVATAR_IMAGES, type AvatarImages } from './avatar-images';

/** For the files module: what happens to a picture whose upload goes away. */
@Injectable()
export class AvatarUploads {
  constructor(
    private readonly uow: UnitOfWork,
    @Inject(AVATAR_IMAGES) private readonly images: AvatarImages,
  ) {}

  /**
   * A picture offered by the user's OAuth provider is ready: it becomes their
   * avatar unless they already chose one. Idempotent.
   */
  async offerReady(userId: string, fileId: string): Promise<void> {
    const avatar = await this.images.resolve(userId, fileId);
    await this.uow.run(async (em) => {
      const user = await em.findOne(User, userId);
      if (user && !user.avatar) user.setAvatar(avatar);
    });
  }

  /** The upload `fileId` was deleted: a user showing it has no picture any more. Idempotent. */
  async uploadDeleted(userId: string, fileId: string): Promise<void> {
    await this.uow.run(async (em) => {
      const user = await em.findOne(User, userId);
      if (user?.avatar?.fileId === fileId) user.removeAvatar();
    });
  }
}
