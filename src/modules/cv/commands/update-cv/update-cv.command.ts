import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { CvDto, CvSectionUpdateDto } from '../../dto/cv.dto';
import type { ExpectedVersion } from '../../versions/if-match';

/** RFC 7386 merge patch on `{title, document, layout}`, or the section-level JSON shape. */
export type CvChange =
  { kind: 'merge-patch'; patch: unknown } | { kind: 'sections'; update: CvSectionUpdateDto };

export class UpdateCvCommand extends Command<CvDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly expected: ExpectedVersion | undefined,
    readonly change: CvChange,
  ) {
    super();
  }
}
