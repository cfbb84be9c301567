import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { ANALYTICS_FORWARDER, createAnalyticsForwarder } from '@lib/providers';
import { AI_MODEL_PRICES } from './ai-model-prices';
import { AdminDashboardController } from './admin-dashboard.controller';
import { AnalyticsEventsController } from './analytics-events.controller';
import { MeAnalyticsController } from './me-analytics.controller';
import { ActiveUserTracker } from './active-user-tracker';
import { RecordClientEventsHandler } from './commands/record-client-events/record-client-events.handler';
import { AnalyticsRecorder } from './analytics-recorder';
import { ForgetDeletedUserHandler } from './event-handlers/forget-deleted-user.handler';
import { AnalyticsUserData } from './analytics-user-data';
import { Ga4Forwarding } from './forwarding/ga4-forwarding';
import { DashboardSeriesHandler } from './queries/dashboard-series/dashboard-series.handler';
import { MyAnalyticsHandler } from './queries/my-analytics/my-analytics.handler';
import { RecordUserRegisteredHandler } from './event-handlers/record-user-registered.handler';
import {
  AnalyticsMaintenanceProcessor,
  AnalyticsMaintenanceScheduler,
} from './jobs/analytics-maintenance';
import { AnalyticsPartitions } from './storage/analytics-partitions';
import { AnalyticsRollups } from './storage/analytics-rollups';
import { QueueDepthSampler } from './storage/queue-depth-sampler';

/**
 * In-house product analytics: events recorded from domain events (and client events),
 * stored in monthly partitions, rolled up per day for the dashboards.
 */
@Module({})
export class AnalyticsModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: AnalyticsModule,
      global: true, // other modules' event handlers record through AnalyticsRecorder
      imports: [CqrsModule],
      controllers: [AnalyticsEventsController, AdminDashboardController, MeAnalyticsController],
      providers: [
        AnalyticsUserData,
        RecordClientEventsHandler,
        DashboardSeriesHandler,
        MyAnalyticsHandler,
        { provide: ANALYTICS_FORWARDER, inject: [AppConfig], useFactory: createAnalyticsForwarder },
        Ga4Forwarding,
        {
          provide: AI_MODEL_PRICES,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => config.env.AI_MODEL_PRICES,
        },
        AnalyticsRecorder,
        ActiveUserTracker,
        AnalyticsPartitions,
        AnalyticsRollups,
        QueueDepthSampler,
        ForgetDeletedUserHandler,
        RecordUserRegisteredHandler,
        ...(runsWorker ? [AnalyticsMaintenanceScheduler, AnalyticsMaintenanceProcessor] : []),
      ],
      exports: [AnalyticsRecorder],
    };
  }
}
