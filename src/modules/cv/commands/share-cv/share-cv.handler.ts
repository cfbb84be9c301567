import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCv } from '../../cv.policies';
import type { CvShareDto } from '../../dto/cv-share.dto';
import { CvShare } from '../../entities/cv-share.entity';
import { ShareLinks } from '../../sharing/share-links';
import { ShareCvCommand } from './share-cv.command';

/**
 * Shares a CV, or changes how it is shared: the link (slug) stays the same
 * until the share is revoked; a new share after that gets a new link.
 */
@CommandHandler(ShareCvCommand)
export class ShareCvHandler implements ICommandHandler<ShareCvCommand, CvShareDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly links: ShareLinks,
  ) {}

  async execute({ actor, cvId, settings }: ShareCvCommand): Promise<CvShareDto> {
    // Hashed before the transaction: bcrypt takes long enough not to hold a row lock for it.
    const passwordHash =
      settings.visibility === 'password' && settings.password
        ? await this.links.hashPassword(settings.password)
        : null;
    return this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true });
      let share = await em.findOne(CvShare, { cvId });
      if (!share) {
        share = new CvShare();
        share.cvId = cv.id;
        share.ownerId = cv.ownerId;
        em.persist(share);
      }
      share.visibility = settings.visibility;
      share.passwordHash = passwordHash;
      share.expiresAt = settings.expiresAt ?? null;
      cv.shared(share);
      return this.links.toDto(share);
    });
  }
}
