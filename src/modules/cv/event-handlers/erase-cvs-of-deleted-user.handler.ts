import { Injectable } from '@nestjs/common';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { UserDeleted } from '../../identity';
import { CvErasure } from '../cv-erasure';

/** An erased account takes its CVs, shares and version labels with it. Idempotent. */
@Injectable()
@HandlesEventInJob(UserDeleted)
export class EraseCvsOfDeletedUserHandler implements DomainEventHandler<UserDeleted> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly erasure: CvErasure,
  ) {}

  async handle(event: UserDeleted): Promise<void> {
    await this.uow.run((em, events) => this.erasure.eraseOwner(em, events, event.streamId));
  }
}
