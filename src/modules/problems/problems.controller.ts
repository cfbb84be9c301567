import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { STATUS_TITLES, type RegisteredProblem } from '@lib/problems';
import { Access } from '../../common/access.decorator';
import { PROBLEMS } from './problem-registry';

class ProblemTypeDto implements RegisteredProblem {
  @ApiProperty({ example: 'files.not_ready', description: 'The `code` of the problem document' })
  code!: string;
  @ApiProperty({ example: 409, enum: Object.keys(STATUS_TITLES).map(Number) })
  status!: RegisteredProblem['status'];
  @ApiProperty({ example: 'Conflict', description: 'The one title of this status' })
  title!: string;
  @ApiProperty({ example: 'The file is still being scanned and processed, or was rejected.' })
  description!: string;
}

@ApiTags('problems')
@Controller({ path: 'problems', version: '1' })
export class ProblemsController {
  @Get()
  @Access('public')
  @Header('Cache-Control', 'public, max-age=3600')
  @ApiOperation({
    summary: 'Every problem `code` the API answers with: its status, title and meaning',
  })
  @ApiOkResponse({ type: [ProblemTypeDto] })
  list(): ProblemTypeDto[] {
    return PROBLEMS;
  }
}
