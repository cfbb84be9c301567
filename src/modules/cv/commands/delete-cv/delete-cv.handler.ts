import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCv } from '../../cv.policies';
import { CvShare } from '../../entities/cv-share.entity';
import { DeleteCvCommand } from './delete-cv.command';

/** Soft delete: the CV leaves every list and its public link stops working; its history stays. */
@CommandHandler(DeleteCvCommand)
export class DeleteCvHandler implements ICommandHandler<DeleteCvCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, cvId }: DeleteCvCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'delete', { lock: true });
      const share = await em.findOne(CvShare, { cvId });
      if (share) {
        em.remove(share);
        cv.shareRevoked(share.id);
      }
      cv.delete();
    });
  }
}
