import { Query } from '@nestjs/cqrs';
import type { SocialNetworkListDto } from '../../dto/social-network.dto';

export class ListNetworksQuery extends Query<SocialNetworkListDto> {}
