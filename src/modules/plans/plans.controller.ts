import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Cacheable } from '@lib/cache';
import { PLAN_CATALOG, TIERS, type Feature, type Plan, type Tier } from '@lib/authz';
import { Access } from '../../common/access.decorator';

class PlanDto {
  @ApiProperty({ enum: TIERS, example: 'pro' })
  tier!: Tier;
  @ApiProperty({ example: 'Pro' })
  name!: string;
  @ApiProperty({ example: 2999, description: 'Price per interval in the smallest currency unit' })
  priceCents!: number;
  @ApiProperty({ example: 'usd' })
  currency!: string;
  @ApiProperty({ nullable: true, type: String, enum: ['month'], example: 'month' })
  interval!: 'month' | null;
  @ApiProperty({ type: [String], example: ['basicTemplates', 'aiEnhancement'] })
  features!: Feature[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: {
      cvs: 20,
      savedSearches: 20,
      socialAccounts: 4,
      scheduledPosts: 100,
      aiCallsPerHour: 10,
    },
  })
  quotas!: Plan['quotas'];
}

@ApiTags('plans')
@Controller({ path: 'plans', version: '1' })
export class PlansController {
  @Get()
  @Access('public')
  @Cacheable({ ttl: 'apiRead', scope: 'public' })
  @ApiOperation({ summary: 'The plans on offer with their features and quotas' })
  @ApiOkResponse({ type: [PlanDto] })
  list(): PlanDto[] {
    return TIERS.map((tier) => {
      const { rateLimits: _internal, ...plan } = PLAN_CATALOG[tier];
      return plan;
    });
  }
}
