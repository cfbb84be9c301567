import { Module, type DynamicModule } from '@nestjs/common';
import { MaintenanceProcessor } from './maintenance.processor';
import { MaintenanceScheduler } from './maintenance.scheduler';

/** Housekeeping schedules; present only in worker processes. */
@Module({})
export class MaintenanceModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: MaintenanceModule,
      providers: runsWorker ? [MaintenanceScheduler, MaintenanceProcessor] : [],
      exports: runsWorker ? [MaintenanceScheduler] : [],
    };
  }
}
