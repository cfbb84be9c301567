import { Body, Controller, Get, HttpCode, Post, Query as QueryParams } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../../common/access.decorator';
import { IdParam } from '../../../common/id-param';
import { CursorQueryDto } from '../../../common/pagination';
import { CreateCampaignCommand } from './commands/create-campaign/create-campaign.command';
import { SendCampaignCommand } from './commands/send-campaign/send-campaign.command';
import {
  CampaignDto,
  CampaignPageDto,
  CampaignPreviewDto,
  CreateCampaignDto,
  SendCampaignDto,
} from './dto/campaign.dto';
import { GetCampaignQuery } from './queries/get-campaign/get-campaign.query';
import { ListCampaignsQuery } from './queries/list-campaigns/list-campaigns.query';
import { Idempotent } from '../../idempotency';

@ApiTags('admin')
@Controller({ path: 'admin/newsletter', version: '1' })
@Access('admin')
export class AdminNewsletterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('campaigns')
  @Idempotent()
  @ApiOperation({
    summary: 'Draft a newsletter campaign (Markdown) for one topic',
    description: 'A draft until `POST …/{id}/send`; it cannot be edited.',
  })
  @ApiCreatedResponse({ type: CampaignDto })
  @ApiProblems(400)
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreateCampaignDto,
  ): Promise<CampaignDto> {
    return this.commands.execute(
      new CreateCampaignCommand(principal.userId, body.subject, body.markdown, body.topic),
    );
  }

  @Get('campaigns')
  @ApiOperation({ summary: 'Newsletter campaigns, newest first' })
  @ApiOkResponse({ type: CampaignPageDto })
  @ApiProblems(400)
  list(@QueryParams() query: CursorQueryDto): Promise<CampaignPageDto> {
    return this.queries.execute(new ListCampaignsQuery(query.limit, query.cursor));
  }

  @Post('campaigns/:id/send')
  @HttpCode(202)
  @ApiOperation({
    summary: 'Send a draft campaign now or at `sendAt`',
    description:
      'Fixes the recipients (confirmed subscribers of the topic; suppressed addresses are ' +
      'kept as `suppressed` and never mailed) and sends them in batches of up to 100 through ' +
      'the mail provider at `NEWSLETTER_SEND_RATE` batches per second. With a future ' +
      '`sendAt` the campaign is `scheduled` and its recipients are fixed then. ' +
      '`GET …/{id}` shows the progress. A campaign is sent once: anything but a draft is a 409.',
  })
  @ApiAcceptedResponse({ type: CampaignDto })
  @ApiProblems(400, 404, 409)
  send(@IdParam() id: string, @Body() body: SendCampaignDto): Promise<CampaignDto> {
    return this.commands.execute(
      new SendCampaignCommand(id, body.sendAt ? new Date(body.sendAt) : undefined),
    );
  }

  @Get('campaigns/:id')
  @ApiOperation({
    summary: 'One campaign: the size of its audience now and the progress of its send',
  })
  @ApiOkResponse({ type: CampaignDto })
  @ApiProblems(400, 404)
  get(@IdParam() id: string): Promise<CampaignDto> {
    return this.queries.execute(new GetCampaignQuery(id)) as Promise<CampaignDto>;
  }

  @Get('campaigns/:id/preview')
  @ApiOperation({
    summary: 'The campaign rendered as its subscribers would get it (HTML and text)',
  })
  @ApiOkResponse({ type: CampaignPreviewDto })
  @ApiProblems(400, 404)
  preview(@IdParam() id: string): Promise<CampaignPreviewDto> {
    return this.queries.execute(new GetCampaignQuery(id, true)) as Promise<CampaignPreviewDto>;
  }
}
