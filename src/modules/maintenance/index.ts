export { MaintenanceModule } from './maintenance.module';
export { MaintenanceScheduler, PURGE_MAIL_JOB } from './maintenance.scheduler';
