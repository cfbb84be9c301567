import { Controller, Get, Query as QueryParams } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { ListOutboxQueryDto } from './dto/list-outbox.query.dto';
import { MailMessageDto, MailMessagePageDto } from './dto/mail-message.dto';
import { GetMailMessageQuery } from './queries/get-message/get-message.query';
import { ListOutboxQuery } from './queries/list-outbox/list-outbox.query';

@ApiTags('admin')
@Controller({ path: 'admin/outbox', version: '1' })
@Access('admin')
export class MailAdminController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({ summary: 'Emails the platform stored for delivery, newest first' })
  @ApiOkResponse({ type: MailMessagePageDto })
  @ApiProblems(400)
  list(@QueryParams() query: ListOutboxQueryDto): Promise<MailMessagePageDto> {
    return this.queries.execute(
      new ListOutboxQuery(query.limit, query.cursor, query.status, query.to),
    );
  }

  @Get(':id')
  @ApiOperation({ summary: 'One stored email with its delivery status' })
  @ApiOkResponse({ type: MailMessageDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<MailMessageDto> {
    return this.queries.execute(new GetMailMessageQuery(id));
  }
}
