import { AppConfig } from '@lib/config';
import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { EntityManager } from '@mikro-orm/postgresql';
import { AdminJobsSourcesController } from './admin-jobs-sources.controller';
import { InvalidateJobCacheHandler } from './event-handlers/invalidate-job-cache.handler';
import { JobsController } from './jobs.controller';
import { RecordJobSearchInterceptor } from './record-job-search.interceptor';
import { SavedStateInterceptor } from './saved-state.interceptor';
import { JobsSaveController } from './jobs-save.controller';
import { MeSavedJobsController } from './me-saved-jobs.controller';
import { SaveJobHandler } from './commands/save-job/save-job.handler';
import { UnsaveJobHandler } from './commands/unsave-job/unsave-job.handler';
import { ListSavedJobsHandler } from './queries/list-saved-jobs/list-saved-jobs.handler';
import { EraseSavedJobsOfDeletedUserHandler } from './event-handlers/erase-saved-jobs-of-deleted-user.handler';
import {
  RecordApplicationAnalyticsHandler,
  RecordJobSavedAnalyticsHandler,
} from './event-handlers/record-job-analytics.handler';
import { EraseApplicationsOfDeletedUserHandler } from './event-handlers/erase-applications-of-deleted-user.handler';
import { MeApplicationsController } from './me-applications.controller';
import { CreateApplicationHandler } from './commands/create-application/create-application.handler';
import { UpdateApplicationHandler } from './commands/update-application/update-application.handler';
import { DeleteApplicationHandler } from './commands/delete-application/delete-application.handler';
import { ListApplicationsHandler } from './queries/list-applications/list-applications.handler';
import { GetJobHandler } from './queries/get-job/get-job.handler';
import { SearchJobsHandler } from './queries/search-jobs/search-jobs.handler';
import { JOB_SEARCH } from './search/job-search.port';
import { PostgresJobSearch } from './search/postgres-job-search';
import { RequestSourceRunHandler } from './commands/request-source-run/request-source-run.handler';
import { RunIngestionHandler } from './commands/run-ingestion/run-ingestion.handler';
import { EnqueueSourceRunHandler } from './event-handlers/enqueue-source-run.handler';
import { JobSources } from './job-sources.provider';
import { IngestionProcessor } from './jobs/ingestion.processor';
import { IngestionScheduler } from './jobs/ingestion.scheduler';
import { ListSourceHealthHandler } from './queries/list-source-health/list-source-health.handler';
import { ListJobSourcesHandler } from './queries/list-sources/list-sources.handler';
import { AdminJobsBoardsController } from './admin-jobs-boards.controller';
import { FollowJobBoardHandler } from './commands/follow-job-board/follow-job-board.handler';
import { UnfollowJobBoardHandler } from './commands/unfollow-job-board/unfollow-job-board.handler';
import { ListJobBoardsHandler } from './queries/list-job-boards/list-job-boards.handler';
import { MeJobAlertsController } from './me-job-alerts.controller';
import { JobsMatchController } from './jobs-match.controller';
import { JobsRecommendedController } from './jobs-recommended.controller';
import { GetJobMatchHandler } from './queries/get-job-match/get-job-match.handler';
import { RecommendJobsHandler } from './queries/recommend-jobs/recommend-jobs.handler';
import { MatchExplainer } from './services/match-explainer';
import { AiProviderModule } from '@lib/providers';
import { CreateJobAlertHandler } from './commands/create-job-alert/create-job-alert.handler';
import { UpdateJobAlertHandler } from './commands/update-job-alert/update-job-alert.handler';
import { DeleteJobAlertHandler } from './commands/delete-job-alert/delete-job-alert.handler';
import { ListJobAlertsHandler } from './queries/list-job-alerts/list-job-alerts.handler';
import { RunJobAlertDigestsHandler } from './commands/run-job-alert-digests/run-job-alert-digests.handler';
import { MailJobAlertDigestHandler } from './event-handlers/mail-job-alert-digest.handler';
import { EraseJobAlertsOfDeletedUserHandler } from './event-handlers/erase-job-alerts-of-deleted-user.handler';
import { JobAlertDigestsProcessor, JobAlertDigestsScheduler } from './jobs/job-alert-digests';
import { JobsUserData } from './jobs-user-data';

/** Job aggregator: sources → normalized, deduplicated jobs → search. Ingestion runs in workers. */
@Module({})
export class JobsModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: JobsModule,
      imports: [CqrsModule, AiProviderModule],
      exports: [],
      controllers: [
        JobsController,
        JobsSaveController,
        MeSavedJobsController,
        MeApplicationsController,
        MeJobAlertsController,
        JobsMatchController,
        JobsRecommendedController,
        AdminJobsSourcesController,
        AdminJobsBoardsController,
      ],
      providers: [
        JobsUserData,
        JobSources,
        {
          provide: JOB_SEARCH,
          inject: [EntityManager, AppConfig],
          useFactory: (em: EntityManager, config: AppConfig) =>
            new PostgresJobSearch(em, config.env.JOB_FACET_SAMPLE),
        },
        SearchJobsHandler,
        RecordJobSearchInterceptor,
        SavedStateInterceptor,
        GetJobHandler,
        InvalidateJobCacheHandler,
        SaveJobHandler,
        UnsaveJobHandler,
        ListSavedJobsHandler,
        EraseSavedJobsOfDeletedUserHandler,
        RecordJobSavedAnalyticsHandler,
        RecordApplicationAnalyticsHandler,
        EraseApplicationsOfDeletedUserHandler,
        CreateApplicationHandler,
        UpdateApplicationHandler,
        DeleteApplicationHandler,
        ListApplicationsHandler,
        RequestSourceRunHandler,
        RunIngestionHandler,
        EnqueueSourceRunHandler,
        ListSourceHealthHandler,
        ListJobSourcesHandler,
        FollowJobBoardHandler,
        UnfollowJobBoardHandler,
        ListJobBoardsHandler,
        CreateJobAlertHandler,
        UpdateJobAlertHandler,
        DeleteJobAlertHandler,
        ListJobAlertsHandler,
        RunJobAlertDigestsHandler,
        MailJobAlertDigestHandler,
        EraseJobAlertsOfDeletedUserHandler,
        MatchExplainer,
        GetJobMatchHandler,
        RecommendJobsHandler,
        ...(runsWorker
          ? [
              IngestionProcessor,
              IngestionScheduler,
              JobAlertDigestsProcessor,
              JobAlertDigestsScheduler,
            ]
          : []),
      ],
    };
  }
}
