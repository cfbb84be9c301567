import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, type DomainEventHandler } from '@lib/event-store';
import { AvatarChanged, AvatarRemoved } from '../../identity';
import { FilesService } from '../files.service';

/** A picture replaced or removed takes its upload along (record, original, renditions). Idempotent. */
@Injectable()
@HandlesEventInJob(AvatarChanged, AvatarRemoved)
export class DeleteReplacedAvatarHandler implements DomainEventHandler<
  AvatarChanged | AvatarRemoved
> {
  constructor(private readonly files: FilesService) {}

  async handle(event: AvatarChanged | AvatarRemoved): Promise<void> {
    const fileId =
      event instanceof AvatarChanged ? event.payload.previousFileId : event.payload.fileId;
    if (fileId) await this.files.deleteIfPresent(event.streamId, fileId);
  }
}
