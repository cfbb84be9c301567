import { InjectQueue } from '@nestjs/bull';
import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Queue } from 'bull';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { QUEUES, type BuildDataExportJob } from '@lib/queue';
import { User } from '../../../identity';
import { dataExportProblems } from '../../data-export.problems';
import type { DataExportAcceptedDto } from '../../dto/data-export.dto';
import { DataExport } from '../../entities/data-export.entity';
import { DataExportRequested } from '../../events/data-export.events';
import { BUILD_DATA_EXPORT_JOB, buildJobOptions } from '../../jobs/build-job';
import { RequestDataExportCommand } from './request-data-export.command';

/** Records the export (and who asked) and queues its build (job id = export id). */
@CommandHandler(RequestDataExportCommand)
export class RequestDataExportHandler implements ICommandHandler<
  RequestDataExportCommand,
  DataExportAcceptedDto
> {
  private readonly logger = new Logger(RequestDataExportHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    @InjectQueue(QUEUES.dataExports) private readonly queue: Queue<BuildDataExportJob>,
  ) {}

  async execute({ userId, requestedBy }: RequestDataExportCommand): Promise<DataExportAcceptedDto> {
    const exported = await this.uow.run(async (em, events) => {
      if (!(await em.count(User, { id: userId }))) throw Problem.notFound('User');
      const row = em.create(DataExport, {
        userId,
        requestedBy,
        status: 'queued',
        createdAt: new Date(),
      });
      events.record(new DataExportRequested(row.id, { userId, requestedBy }));
      return row;
    });
    try {
      await this.queue.add(
        BUILD_DATA_EXPORT_JOB,
        { exportId: exported.id },
        buildJobOptions(this.config, exported.id),
      );
    } catch (error) {
      await this.em
        .fork()
        .nativeUpdate(
          DataExport,
          { id: exported.id },
          { status: 'failed', error: 'The export could not be queued', completedAt: new Date() },
        );
      this.logger.warn({ exportId: exported.id, err: error }, 'Data export could not be queued');
      throw dataExportProblems.problem(
        'data_export.queue_unavailable',
        'Exports are unavailable right now; try again',
      );
    }
    return { exportId: exported.id, status: exported.status };
  }
}
