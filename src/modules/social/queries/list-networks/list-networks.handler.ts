import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { SocialNetworkDto, type SocialNetworkListDto } from '../../dto/social-network.dto';
import { SocialNetworks } from '../../services/social-networks.provider';
import { ListNetworksQuery } from './list-networks.query';

@QueryHandler(ListNetworksQuery)
export class ListNetworksHandler implements IQueryHandler<ListNetworksQuery, SocialNetworkListDto> {
  constructor(private readonly networks: SocialNetworks) {}

  execute(): Promise<SocialNetworkListDto> {
    return Promise.resolve({ items: this.networks.catalog.map((n) => SocialNetworkDto.of(n)) });
  }
}
