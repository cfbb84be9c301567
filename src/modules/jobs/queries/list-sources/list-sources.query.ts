import { Query } from '@nestjs/cqrs';
import type { JobSourceListDto } from '../../dto/job-source.dto';

export class ListJobSourcesQuery extends Query<JobSourceListDto> {}
