import { Controller, Delete, Get, HttpCode, Param, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import { Access, ApiProblems } from '../../../common/access.decorator';
import { CURSOR_FIELD } from '../../../common/pagination';
import { ClearSuppressionCommand } from './commands/clear-suppression/clear-suppression.command';
import { deliverabilityProblems } from './deliverability.problems';
import { ListSuppressionsQueryDto, SuppressionPageDto } from './dto/suppression.dto';
import { ListSuppressionsQuery } from './queries/list-suppressions/list-suppressions.query';

@ApiTags('admin')
@Controller({ path: 'admin/suppressions', version: '1' })
@Access('admin')
export class AdminSuppressionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Addresses that get no non-critical mail (hard bounces, complaints), newest first',
  })
  @ApiOkResponse({ type: SuppressionPageDto })
  @ApiProblems(400)
  list(@QueryParams() query: ListSuppressionsQueryDto): Promise<SuppressionPageDto> {
    return this.queries.execute(
      new ListSuppressionsQuery(query.limit, query.cursor, query.email, query.reason),
    );
  }

  @Delete(':key')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Take an address off the suppression list',
    description: 'By the suppression’s id or by the address itself (`DELETE …/gone@example.com`).',
  })
  @ApiParam({
    name: 'key',
    description: 'Suppression id or email address',
    example: 'gone@example.com',
  })
  @ApiNoContentResponse({ description: 'Cleared: mail to the address flows again' })
  @ApiProblems(400, 404)
  async clear(@Param('key') key: string): Promise<void> {
    const value = decodeURIComponent(key).trim();
    if (CURSOR_FIELD.uuid.test(value)) {
      return this.commands.execute(new ClearSuppressionCommand({ id: value }));
    }
    if (/^[^\s@]+@[^\s@]+$/.test(value) && value.length <= 320) {
      return this.commands.execute(new ClearSuppressionCommand({ email: value }));
    }
    throw deliverabilityProblems.problem(
      'deliverability.invalid_suppression_key',
      'Expected a suppression id (uuid) or an email address.',
    );
  }
}
