export { JobsModule } from './jobs.module';
export { jobProblems } from './jobs.problems';
export { Job } from './entities/job.entity';
export { JobSourceLink } from './entities/job-source-link.entity';
export { JobSourceHealth } from './entities/job-source-health.entity';
export { JobBoard } from './entities/job-board.entity';
export { SavedJob } from './entities/saved-job.entity';
export { JobApplication } from './entities/job-application.entity';
export { JobAlert } from './entities/job-alert.entity';
export { JobAlertDelivery } from './entities/job-alert-delivery.entity';
export {
  JobApplicationCreated,
  JobApplicationStatusChanged,
  JobSourceIngested,
} from './events/jobs.events';
export { GetJobQuery } from './queries/get-job/get-job.query';
export type { JobDto } from './dto/job.dto';
