import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { ImportedCvDto } from '../../dto/cv-export.dto';

/** A draft CV parsed from the text of the caller's scanned `cv-file` upload (PDF or DOCX). */
export class ImportCvFileCommand extends Command<ImportedCvDto> {
  constructor(
    readonly actor: CvActor,
    readonly fileId: string,
  ) {
    super();
  }
}
