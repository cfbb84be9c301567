import { Command } from '@nestjs/cqrs';
import type { DataExportAcceptedDto } from '../../dto/data-export.dto';

/** Queues a data export of `userId`'s data, asked for by `requestedBy` (the user or an admin). */
export class RequestDataExportCommand extends Command<DataExportAcceptedDto> {
  constructor(
    readonly userId: string,
    readonly requestedBy: string,
  ) {
    super();
  }
}
