import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope } from '@lib/authz';
import { Access } from '../../common/access.decorator';
import { SocialNetworkListDto } from './dto/social-network.dto';
import { ListNetworksQuery } from './queries/list-networks/list-networks.query';

@ApiTags('social')
@Controller({ path: 'social/networks', version: '1' })
@Access('user', { feature: 'socialBasics' })
export class SocialNetworksController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiKeyScope('social:read')
  @ApiOperation({
    summary: 'Networks, whether each can be connected here, and the rules a post must meet on it',
  })
  @ApiOkResponse({ type: SocialNetworkListDto })
  list(): Promise<SocialNetworkListDto> {
    return this.queries.execute(new ListNetworksQuery());
  }
}
