import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCv } from '../../cv.policies';
import { CvShare } from '../../entities/cv-share.entity';
import { RevokeShareCommand } from './revoke-share.command';

/** The public link stops working at once; revoking an unshared CV changes nothing. */
@CommandHandler(RevokeShareCommand)
export class RevokeShareHandler implements ICommandHandler<RevokeShareCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ actor, cvId }: RevokeShareCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true });
      const share = await em.findOne(CvShare, { cvId });
      if (!share) return;
      em.remove(share);
      cv.shareRevoked(share.id);
    });
  }
}
