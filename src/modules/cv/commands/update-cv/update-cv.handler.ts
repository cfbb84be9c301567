import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { CvChanges } from '../../cv-changes';
import { CvDto } from '../../dto/cv.dto';
import { UpdateCvCommand } from './update-cv.command';

@CommandHandler(UpdateCvCommand)
export class UpdateCvHandler implements ICommandHandler<UpdateCvCommand, CvDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly changes: CvChanges,
  ) {}

  execute({ actor, cvId, expected, change }: UpdateCvCommand): Promise<CvDto> {
    return this.uow.run(async (em) =>
      CvDto.from(await this.changes.apply(em, actor, cvId, expected, change)),
    );
  }
}
