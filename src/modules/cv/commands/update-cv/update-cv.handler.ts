import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { assertTemplateAllowed, findOwnCv } from '../../cv.policies';
import { CvDto } from '../../dto/cv.dto';
import { assertVersion } from '../../versions/if-match';
import { nextState } from './next-state';
import { UpdateCvCommand } from './update-cv.command';

/**
 * Optimistic concurrency: the row is locked, then the expected version is
 * compared, so two writers based on the same version cannot both win.
 * A change that changes nothing makes no new version.
 */
@CommandHandler(UpdateCvCommand)
export class UpdateCvHandler implements ICommandHandler<UpdateCvCommand, CvDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ actor, cvId, expected, change }: UpdateCvCommand): Promise<CvDto> {
    return this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true });
      assertVersion(expected, cv.version);
      const next = nextState(cv.state, change);
      if (next.layout.template !== cv.layout.template)
        assertTemplateAllowed(actor, next.layout.template);
      cv.change(next);
      return CvDto.from(cv);
    });
  }
}
