import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { STORAGE_PORT, type BucketName, type StoragePort } from '@lib/providers';
import { Problem } from '@lib/problems';
import {
  AVATAR_FORMATS,
  AVATAR_SIZES,
  avatarObjectName,
  type AvatarImages,
  type AvatarObject,
  type UserAvatar,
} from '../identity';
import { StoredFile } from './entities/stored-file.entity';
import { filesProblems } from './files.problems';
import { fileProblems } from './upload/file-problems';

/** Identity's avatars come from profile-image uploads (see processProfileImage). */
@Injectable()
export class FileAvatarImages implements AvatarImages {
  constructor(
    private readonly em: EntityManager,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
  ) {}

  async resolve(userId: string, fileId: string): Promise<UserAvatar> {
    const file = await this.em.fork().findOne(StoredFile, { id: fileId, userId });
    if (!file) throw Problem.notFound('File');
    if (file.status === 'pending') throw fileProblems.notReady(file.status);
    if (file.status === 'rejected') {
      throw filesProblems.problem(
        'files.rejected',
        `The file was rejected (${file.rejectReason})`,
        {
          reason: file.rejectReason,
        },
      );
    }
    const objects: Record<string, AvatarObject> = {};
    for (const size of AVATAR_SIZES) {
      for (const format of AVATAR_FORMATS) {
        const name = avatarObjectName(size, format);
        const variant = file.kind === 'profile-image' ? file.variants[name] : undefined;
        if (!variant) {
          throw filesProblems.problem(
            'files.not_a_profile_image',
            'This upload has no square renditions: upload the picture as a `profile-image`',
          );
        }
        objects[name] = {
          key: variant.key,
          mimeType: variant.mimeType,
          width: variant.width,
          height: variant.height,
        };
      }
    }
    return { fileId: file.id, bucket: file.bucket, objects };
  }

  url(avatar: UserAvatar, key: string): string {
    return this.storage.publicUrl(avatar.bucket as BucketName, key);
  }
}
