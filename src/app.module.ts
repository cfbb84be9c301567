import { MikroOrmModule } from '@mikro-orm/nestjs';
import { Module, type DynamicModule, type ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ScheduleModule } from '@nestjs/schedule';
import { AuthzModule } from '@lib/authz';
import { CacheModule } from '@lib/cache';
import { AppConfig, ConfigModule } from '@lib/config';
import { SecretBox } from '@lib/crypto';
import { AuditChainKey, EventStoreModule } from '@lib/event-store';
import { QueueModule } from '@lib/queue';
import { RateLimitModule } from '@lib/rate-limit';
import { Secrets } from './bootstrap/secrets';
import { ProblemFilter } from './common/problem.filter';
import { ErrorReporter, ObservabilityModule } from './observability';
import { ormOptions } from './database/mikro-orm.config';
import { AiUsageModule } from './modules/ai-usage';
import { AnalyticsModule } from './modules/analytics';
import { AuditModule } from './modules/audit';
import { BillingModule } from './modules/billing';
import { CoverLettersModule } from './modules/cover-letters';
import { CvModule, CvRenderingModule } from './modules/cv';
import { DataExportModule } from './modules/data-export';
import { QueuesConsoleModule } from './modules/queues-console';
import { FilesModule } from './modules/files';
import { HealthModule } from './modules/health';
import { HooksModule } from './modules/hooks';
import { TeamsModule } from './modules/teams';
import { IdempotencyModule } from './modules/idempotency';
import { IdentityModule } from './modules/identity';
import { JobsModule } from './modules/jobs';
import { SocialModule } from './modules/social';
import { BlogModule } from './modules/blog';
import { MailModule } from './modules/mail';
import { MaintenanceModule } from './modules/maintenance';
import { DeliverabilityModule } from './modules/notifications/deliverability';
import { NewsletterModule } from './modules/notifications/newsletter';
import { PushModule } from './modules/notifications/push';
import { NotificationsModule } from './modules/notifications';
import { PlansModule } from './modules/plans';
import { ProblemsModule } from './modules/problems';
import { UsersModule } from './modules/users';

export interface AppModuleOptions {
  config: AppConfig;
  secrets: Secrets;
  /** Extra modules, for tests that add probes (e.g. event handler spies). */
  extra?: ModuleMetadata['imports'];
}

/** The whole application; APP_ROLE decides whether worker parts are present. */
@Module({})
export class AppModule {
  static forRoot({ config, secrets, extra = [] }: AppModuleOptions): DynamicModule {
    const worker = config.runsWorker;
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule,
        MikroOrmModule.forRoot({ ...ormOptions(config), registerRequestContext: false }),
        QueueModule.forRoot(),
        EventStoreModule.forRole(worker),
        CacheModule,
        ...(worker ? [ScheduleModule.forRoot()] : []),
        HealthModule,
        // Global guards run in this order: authenticate, then authorize, then count.
        IdentityModule.forRole(worker),
        AuthzModule, // after IdentityModule: its guard needs the principal the auth guard sets
        RateLimitModule, // after AuthzModule: a refused call spends no quota
        UsersModule,
        AuditModule,
        PlansModule,
        ProblemsModule,
        AnalyticsModule.forRole(worker),
        CvModule.forRole(worker),
        CvRenderingModule,
        AiUsageModule,
        CoverLettersModule,
        MailModule.forRole(worker),
        NotificationsModule.forRole(worker),
        MaintenanceModule.forRole(worker),
        IdempotencyModule.forRole(worker),
        FilesModule.forRole(worker),
        PushModule.forRole(worker),
        DeliverabilityModule,
        NewsletterModule.forRole(worker),
        BillingModule.forRole(worker),
        JobsModule.forRole(worker),
        SocialModule.forRole(worker),
        BlogModule.forRole(worker),
        HooksModule.forRole(worker),
        TeamsModule.forRole(worker),
        DataExportModule.forRole(worker),
        QueuesConsoleModule,
        ...extra,
      ],
      providers: [
        { provide: Secrets, useValue: secrets },
        { provide: SecretBox, useValue: new SecretBox(secrets.dataEncryptionKey) },
        { provide: AuditChainKey, useValue: new AuditChainKey(secrets.auditChainKey) },
        {
          provide: APP_FILTER,
          inject: [ErrorReporter],
          useFactory: (reporter: ErrorReporter) =>
            new ProblemFilter(!config.isProduction, reporter),
        },
      ],
      exports: [Secrets, SecretBox, AuditChainKey],
      global: true,
    };
  }
}
