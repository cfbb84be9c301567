import { Inject, Injectable } from '@nestjs/common';
import { AvatarDto, MeDto } from '../dto/me.dto';
import type { User } from '../entities/user.entity';
import { AVATAR_IMAGES, avatarObjectName, type AvatarImages } from './avatar-images';

/** The signed-in user as GET /v1/me shows it, with the URLs of their picture. */
@Injectable()
export class MeView {
  constructor(@Inject(AVATAR_IMAGES) private readonly images: AvatarImages) {}

  of(user: User): MeDto {
    return MeDto.from(user, this.avatarOf(user));
  }

  avatarOf(user: User): AvatarDto | null {
    const avatar = user.avatar;
    if (!avatar) return null;
    const urls = (size: 256 | 1024) => ({
      webp: this.images.url(avatar, avatar.objects[avatarObjectName(size, 'webp')].key),
      jpeg: this.images.url(avatar, avatar.objects[avatarObjectName(size, 'jpeg')].key),
    });
    return { fileId: avatar.fileId, size256: urls(256), size1024: urls(1024) };
  }
}
