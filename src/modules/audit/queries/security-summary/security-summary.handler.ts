import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AuditLog } from '@lib/event-store';
import type { SecuritySummaryDto } from '../../dto/security.dto';
import { SecuritySummaryQuery } from './security-summary.query';

@QueryHandler(SecuritySummaryQuery)
export class SecuritySummaryHandler implements IQueryHandler<
  SecuritySummaryQuery,
  SecuritySummaryDto
> {
  constructor(private readonly audit: AuditLog) {}

  async execute({ hours }: SecuritySummaryQuery): Promise<SecuritySummaryDto> {
    const summary = await this.audit.securitySummary(new Date(Date.now() - hours * 3_600_000));
    return {
      since: summary.since.toISOString(),
      perHour: summary.perHour.map((h) => ({ ...h, hour: h.hour.toISOString() })),
      topIps: summary.topIps,
    };
  }
}
