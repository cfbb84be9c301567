import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCv } from '../../cv.policies';
import { CvAiSuggestion } from '../../entities/cv-ai-suggestion.entity';
import { CvShare } from '../../entities/cv-share.entity';
import { DeleteCvCommand } from './delete-cv.command';

/** Soft delete: the CV leaves every list and its public link stops working; its history stays; its AI suggestions go. */
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
      // The suggestions quote the CV's texts: they go with it.
      await em.nativeDelete(CvAiSuggestion, { cvId });
      cv.delete();
    });
  }
}
