import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { CURSOR_FIELD, cursorPage, decodeCursor } from '../../../../common/pagination';
import { AdminSubscriptionDto, type AdminSubscriptionPageDto } from '../../dto/billing.dto';
import { BillingSubscription } from '../../entities/billing-subscription.entity';
import { ListSubscriptionsQuery } from './list-subscriptions.query';

const SUBSCRIPTION_ID = /^[A-Za-z0-9_]{1,255}$/;

@QueryHandler(ListSubscriptionsQuery)
export class ListSubscriptionsHandler implements IQueryHandler<
  ListSubscriptionsQuery,
  AdminSubscriptionPageDto
> {
  constructor(private readonly em: EntityManager) {}

  async execute({ filter }: ListSubscriptionsQuery): Promise<AdminSubscriptionPageDto> {
    const where: FilterQuery<BillingSubscription>[] = [];
    if (filter.status) where.push({ status: filter.status });
    if (filter.plan) where.push({ plan: filter.plan });
    if (filter.cursor) {
      const at = decodeCursor(filter.cursor, {
        updatedAt: CURSOR_FIELD.isoDate,
        id: SUBSCRIPTION_ID,
      });
      const updatedAt = new Date(at.updatedAt);
      where.push({ $or: [{ updatedAt: { $lt: updatedAt } }, { updatedAt, id: { $lt: at.id } }] });
    }
    const rows = await this.em
      .fork()
      .find(
        BillingSubscription,
        { $and: where },
        { orderBy: { updatedAt: 'desc', id: 'desc' }, limit: filter.limit + 1 },
      );
    return cursorPage(
      rows,
      filter.limit,
      (row) => AdminSubscriptionDto.from(row),
      (last) => ({
        updatedAt: last.updatedAt.toISOString(),
        id: last.id,
      }),
    );
  }
}
