import { Query } from '@nestjs/cqrs';
import type { JobSourceHealthListDto } from '../../dto/job-source.dto';

export class ListSourceHealthQuery extends Query<JobSourceHealthListDto> {}
