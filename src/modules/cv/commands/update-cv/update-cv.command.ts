import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { JsonPatch } from '../../domain/cv-state';
import type { CvDto, CvSectionUpdateDto } from '../../dto/cv.dto';
import type { ExpectedVersion } from '../../versions/if-match';

/**
 * RFC 7386 merge patch on `{title, document, layout}`, the section-level JSON
 * shape, or an RFC 6902 JSON Patch on `{title, document, layout}` (its `test`
 * operations guard against changes made since: 409 `cv.patch_test_failed`).
 */
export type CvChange =
  | { kind: 'merge-patch'; patch: unknown }
  | { kind: 'sections'; update: CvSectionUpdateDto }
  | { kind: 'json-patch'; patch: JsonPatch };

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
