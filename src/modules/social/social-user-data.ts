import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { SocialAccount } from './entities/social-account.entity';
import { SocialMetricSnapshot } from './entities/social-metric-snapshot.entity';
import { SocialPost } from './entities/social-post.entity';
import { SocialPostTarget } from './entities/social-post-target.entity';

/** Connected social accounts (never their tokens), posts, where each went, and their metrics over time. */
@Injectable()
@ExportsUserData()
export class SocialUserData implements UserDataExporter {
  readonly name = 'social';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'accounts.json', SocialAccount, { userId }),
      rowsFile(em, 'posts.json', SocialPost, { userId }),
      rowsFile(em, 'post-targets.json', SocialPostTarget, { userId }),
      rowsFile(em, 'metrics.json', SocialMetricSnapshot, { userId }),
    ]);
  }
}
