import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../../cv';
import type { TeamDocumentDto } from '../../dto/team-document.dto';
import type { SharePermission, TeamDocumentType } from '../../entities/team-document-share.entity';

/** The document's owner, a member of the team, shares it for viewing or editing. */
export class ShareDocumentCommand extends Command<TeamDocumentDto> {
  constructor(
    readonly actor: CvActor,
    readonly teamId: string,
    readonly documentType: TeamDocumentType,
    readonly documentId: string,
    readonly permission: SharePermission,
  ) {
    super();
  }
}
