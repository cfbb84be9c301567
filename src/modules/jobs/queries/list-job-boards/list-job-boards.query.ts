import { Query } from '@nestjs/cqrs';
import type { JobBoardListDto } from '../../dto/job-board.dto';

export class ListJobBoardsQuery extends Query<JobBoardListDto> {}
