import { Command } from '@nestjs/cqrs';
import type { CvLayoutDto } from '../../../cv';
import type { TeamTemplateDto } from '../../dto/team-template.dto';

/** Saves a CV layout and theme for the team (owner, admin). */
export class SaveTemplateCommand extends Command<TeamTemplateDto> {
  constructor(
    readonly userId: string,
    readonly teamId: string,
    readonly name: string,
    readonly layout: CvLayoutDto,
  ) {
    super();
  }
}
