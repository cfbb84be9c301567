import { Command } from '@nestjs/cqrs';
import type { PublicCvDto, PublicFormat } from '../../dto/cv-share.dto';
import type { Visitor } from '../../sharing/share-visits';

/** A visitor opens a shared CV: access rules, then the visit is counted. */
export class OpenSharedCvCommand extends Command<PublicCvDto> {
  constructor(
    readonly slug: string,
    readonly format: PublicFormat,
    readonly password: string | undefined,
    readonly visitor: Visitor,
  ) {
    super();
  }
}
