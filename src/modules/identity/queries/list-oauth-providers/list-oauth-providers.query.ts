import { Query } from '@nestjs/cqrs';
import type { OAuthProviderDto } from '../../dto/oauth.dto';

export class ListOAuthProvidersQuery extends Query<OAuthProviderDto[]> {}
