import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { assertCvQuota, assertTemplateAllowed, findOwnCv } from '../../cv.policies';
import { CvDto, TITLE_MAX } from '../../dto/cv.dto';
import { Cv } from '../../entities/cv.entity';
import { DuplicateCvCommand } from './duplicate-cv.command';

/** A new CV (version 1, own history) with the current content of another; counts against the quota. */
@CommandHandler(DuplicateCvCommand)
export class DuplicateCvHandler implements ICommandHandler<DuplicateCvCommand, CvDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, cvId, title }: DuplicateCvCommand): Promise<CvDto> {
    return this.uow.run(async (em) => {
      const source = await findOwnCv(em, actor, cvId);
      assertTemplateAllowed(actor, source.layout.template);
      await assertCvQuota(em, actor);
      const copyTitle = title ?? `${source.title} (copy)`.slice(0, TITLE_MAX);
      const copy = Cv.create(
        actor.userId,
        { ...source.state, title: copyTitle },
        'duplicate',
        source.id,
      );
      em.persist(copy);
      return CvDto.from(copy);
    });
  }
}
