import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { assertTemplateAllowed, findOwnCv } from '../../cv.policies';
import { CvDto } from '../../dto/cv.dto';
import { CvHistory } from '../../versions/cv-history';
import { assertVersion } from '../../versions/if-match';
import { RestoreVersionCommand } from './restore-version.command';

/** Makes a new version equal to version n (rebuilt from the events); `If-Match` is optional here. */
@CommandHandler(RestoreVersionCommand)
export class RestoreVersionHandler implements ICommandHandler<RestoreVersionCommand, CvDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly history: CvHistory,
  ) {}

  execute({ actor, cvId, version, expected }: RestoreVersionCommand): Promise<CvDto> {
    return this.uow.run(async (em) => {
      const cv = await findOwnCv(em, actor, cvId, 'update', { lock: true });
      assertVersion(expected, cv.version, false);
      const { state } = await this.history.stateAt(em, cv.id, version);
      if (state.layout.template !== cv.layout.template)
        assertTemplateAllowed(actor, state.layout.template);
      cv.restore(version, state);
      return CvDto.from(cv);
    });
  }
}
