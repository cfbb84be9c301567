import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { ApiKey } from './entities/api-key.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import { UserDevice } from './entities/user-device.entity';
import { UserIdentity } from './entities/user-identity.entity';

/** Profile, sessions, linked sign-in identities, API keys (metadata) and known devices. */
@Injectable()
@ExportsUserData()
export class IdentityUserData implements UserDataExporter {
  readonly name = 'identity';

  export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    return Promise.all([
      rowsFile(em, 'profile.json', User, { id: userId }),
      rowsFile(em, 'sessions.json', RefreshToken, { userId }),
      rowsFile(em, 'identities.json', UserIdentity, { userId }),
      rowsFile(em, 'api-keys.json', ApiKey, { userId }),
      rowsFile(em, 'devices.json', UserDevice, { userId }),
    ]);
  }
}
