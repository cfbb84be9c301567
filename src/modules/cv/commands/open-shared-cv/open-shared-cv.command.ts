import { Command } from '@nestjs/cqrs';
import type { PublicCvDto } from '../../dto/cv-share.dto';
import type { VisitKind } from '../../entities/cv-share-visit.entity';
import type { Visitor } from '../../sharing/share-visits';

/**
 * A visitor opens a shared CV: access rules, then the visit is counted as a
 * view (JSON, HTML) or a download (PDF). Answers the CV to present in any format.
 */
export class OpenSharedCvCommand extends Command<PublicCvDto> {
  constructor(
    readonly slug: string,
    readonly password: string | undefined,
    readonly visitor: Visitor,
    readonly visit: { kind: VisitKind; format: string },
  ) {
    super();
  }
}
