import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AvatarUploads } from '../../identity';
import { StoredFile } from '../entities/stored-file.entity';
import { FileReady } from '../events/file.events';

/** An OAuth provider's picture, once scanned and processed, becomes the avatar of a user who has none. */
@Injectable()
@HandlesEvent(FileReady)
export class ShowOAuthPictureHandler implements DomainEventHandler<FileReady> {
  constructor(
    private readonly em: EntityManager,
    private readonly avatars: AvatarUploads,
  ) {}

  async handle(event: FileReady): Promise<void> {
    const file = await this.em.fork().findOne(StoredFile, event.streamId);
    if (file?.origin !== 'oauth-picture' || file.status !== 'ready') return;
    await this.avatars.offerReady(file.userId, file.id);
  }
}
