import { Command } from '@nestjs/cqrs';
import type { CvActor } from '../../cv.policies';
import type { ExportAcceptedDto } from '../../dto/cv-export.dto';
import type { ExportFormat } from '../../entities/cv-export.entity';
import type { RenderOptions } from '../../exports/render-layout';

/** Export the CV's current version; rendered by the `cv-exports` queue unless already cached. */
export class RequestExportCommand extends Command<ExportAcceptedDto> {
  constructor(
    readonly actor: CvActor,
    readonly cvId: string,
    readonly format: ExportFormat,
    readonly options: RenderOptions,
  ) {
    super();
  }
}
