import { Query } from '@nestjs/cqrs';
import type { SuppressionReason } from '../../entities/email-suppression.entity';
import type { SuppressionPageDto } from '../../dto/suppression.dto';

/** Suppressed addresses, newest first. */
export class ListSuppressionsQuery extends Query<SuppressionPageDto> {
  constructor(
    readonly limit: number,
    readonly cursor?: string,
    readonly email?: string,
    readonly reason?: SuppressionReason,
  ) {
    super();
  }
}
