import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import {
  AdminSubscriptionPageDto,
  AdminSubscriptionsQueryDto,
  BillingSummaryDto,
} from './dto/billing.dto';
import { GetBillingSummaryQuery } from './queries/get-summary/get-summary.query';
import { ListSubscriptionsQuery } from './queries/list-subscriptions/list-subscriptions.query';

@ApiTags('admin')
@Controller({ path: 'admin/billing', version: '1' })
@Access('admin')
export class AdminBillingController {
  constructor(private readonly queries: QueryBus) {}

  @Get('subscriptions')
  @ApiOperation({
    summary: 'Subscriptions, most recently changed first; filter by status and plan',
  })
  @ApiOkResponse({ type: AdminSubscriptionPageDto })
  @ApiProblems(400)
  list(@Query() query: AdminSubscriptionsQueryDto): Promise<AdminSubscriptionPageDto> {
    return this.queries.execute(new ListSubscriptionsQuery(query));
  }

  @Get('summary')
  @ApiOperation({ summary: 'MRR and active subscriptions by plan' })
  @ApiOkResponse({ type: BillingSummaryDto })
  summary(): Promise<BillingSummaryDto> {
    return this.queries.execute(new GetBillingSummaryQuery());
  }
}
