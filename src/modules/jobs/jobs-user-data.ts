import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { JobAlert } from './entities/job-alert.entity';
import { JobAlertDelivery } from './entities/job-alert-delivery.entity';
import { JobApplication } from './entities/job-application.entity';
import { SavedJob } from './entities/saved-job.entity';

/** The user's saved jobs, job alerts (and each run of them) and application tracker. */
@Injectable()
@ExportsUserData()
export class JobsUserData implements UserDataExporter {
  readonly name = 'jobs';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'saved-jobs.json', SavedJob, { userId }),
      rowsFile(em, 'alerts.json', JobAlert, { userId }),
      rowsFile(em, 'alert-deliveries.json', JobAlertDelivery, { userId }),
      rowsFile(em, 'applications.json', JobApplication, { userId }),
    ]);
  }
}
