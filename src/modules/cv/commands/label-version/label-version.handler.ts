import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { findOwnCv } from '../../cv.policies';
import type { CvVersionLabelDto } from '../../dto/cv-version.dto';
import { CvVersionLabel } from '../../entities/cv-version-label.entity';
import { versionNotFound } from '../../versions/cv-history';
import { LabelVersionCommand } from './label-version.command';

/** Names a version (replacing an earlier name); the event store keeps every naming. */
@CommandHandler(LabelVersionCommand)
export class LabelVersionHandler implements ICommandHandler<
  LabelVersionCommand,
  CvVersionLabelDto
> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, cvId, version, label }: LabelVersionCommand): Promise<CvVersionLabelDto> {
    return this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'update');
      // Versions are numbered 1..current without gaps.
      if (version < 1 || version > cv.version) throw versionNotFound();
      const labelledAt = new Date();
      await em.upsert(CvVersionLabel, { cvId, version, label, labelledAt });
      cv.labelVersion(version, label);
      return { version, label, labelledAt: labelledAt.toISOString() };
    });
  }
}
