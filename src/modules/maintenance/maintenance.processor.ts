import { Processor } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { QUEUES, TracedProcess } from '@lib/queue';
import { PURGE_MAIL_JOB } from './maintenance.scheduler';

/** Deletes the bodies of delivered emails past the retention period (idempotent). */
@Processor(QUEUES.scheduled)
export class MaintenanceProcessor {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  @TracedProcess(PURGE_MAIL_JOB)
  async purgeDeliveredMail(): Promise<{ deleted: number }> {
    const days = this.config.env.MAIL_RETENTION_DAYS;
    const result = await this.em
      .fork()
      .execute<{ affectedRows?: number }>(
        `delete from mail_messages where status = 'sent' and sent_at < now() - (? || ' days')::interval`,
        [String(days)],
        'run',
      );
    return { deleted: result.affectedRows ?? 0 };
  }
}
