import { Injectable } from '@nestjs/common';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { AvatarUploads } from '../../identity';
import { FileDeleted } from '../events/file.events';

/** A deleted upload that was someone's picture leaves them without one (one small write). */
@Injectable()
@HandlesEvent(FileDeleted)
export class ForgetDeletedAvatarHandler implements DomainEventHandler<FileDeleted> {
  constructor(private readonly avatars: AvatarUploads) {}

  handle(event: FileDeleted): Promise<void> {
    return this.avatars.uploadDeleted(event.payload.userId, event.streamId);
  }
}
