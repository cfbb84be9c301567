import { Query } from '@nestjs/cqrs';
import type { CoverLetterActor } from '../../cover-letter.policies';

export type CoverLetterFormat = 'pdf' | 'html';

export interface ExportedCoverLetter {
  content: Buffer | string;
  contentType: string;
  fileName: string;
}

export class ExportCoverLetterQuery extends Query<ExportedCoverLetter> {
  constructor(
    readonly actor: CoverLetterActor,
    readonly id: string,
    readonly format: CoverLetterFormat,
  ) {
    super();
  }
}
