import { Query } from '@nestjs/cqrs';
import type { DataExportDto } from '../../dto/data-export.dto';

export class GetDataExportQuery extends Query<DataExportDto> {
  constructor(
    readonly userId: string,
    readonly exportId: string,
  ) {
    super();
  }
}
