import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { User } from '../../../identity';
import { emailLanguage } from '../../../mail';
import { UnsubscribeLinks } from '../../unsubscribe-links';
import { unsubscribePage } from '../../unsubscribe-page';
import { UnsubscribePageQuery } from './unsubscribe-page.query';

@QueryHandler(UnsubscribePageQuery)
export class UnsubscribePageHandler implements IQueryHandler<UnsubscribePageQuery, string> {
  constructor(
    private readonly em: EntityManager,
    private readonly links: UnsubscribeLinks,
  ) {}

  async execute({ token }: UnsubscribePageQuery): Promise<string> {
    const grant = this.links.verify(token);
    if (!grant) {
      throw Problem.badRequest(
        'notification.invalid_unsubscribe_link',
        'The unsubscribe link is not valid',
      );
    }
    const user = await this.em.fork().findOne(User, grant.userId, { fields: ['preferences'] });
    const action = `/v1/unsubscribe/${encodeURIComponent(token)}`;
    return unsubscribePage(grant.category, emailLanguage(user?.preferences?.language), action);
  }
}
