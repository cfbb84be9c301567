import { Query } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';

export type CoverLetterFormat = 'pdf' | 'html';

export type ExportedCoverLetter =
  { format: 'pdf'; pdf: Buffer; fileName: string } | { format: 'html'; html: string };

export class ExportCoverLetterQuery extends Query<ExportedCoverLetter> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly id: string,
    readonly format: CoverLetterFormat,
  ) {
    super();
  }
}
