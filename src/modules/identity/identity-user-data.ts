import type { EntityManager } from '@mikro-orm/postgresql';
import { Injectable } from '@nestjs/common';
import {
  ExportsUserData,
  jsonFile,
  rowsFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { ApiKey } from './entities/api-key.entity';
import { RefreshToken } from './entities/refresh-token.entity';
import { User } from './entities/user.entity';
import { UserDevice } from './entities/user-device.entity';
import { UserIdentity } from './entities/user-identity.entity';

/**
 * Profile, sessions, linked sign-in identities, API keys (name, public prefix, scopes and
 * dates: never the secret or its hash) and known devices.
 */
@Injectable()
@ExportsUserData()
export class IdentityUserData implements UserDataExporter {
  readonly name = 'identity';

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const keys = await em.find(ApiKey, { userId }, { orderBy: { createdAt: 'asc' } });
    return Promise.all([
      rowsFile(em, 'profile.json', User, { id: userId }),
      rowsFile(em, 'sessions.json', RefreshToken, { userId }),
      rowsFile(em, 'identities.json', UserIdentity, { userId }),
      Promise.resolve(
        jsonFile(
          'api-keys.json',
          keys.map((k) => ({
            id: k.id,
            name: k.name,
            prefix: k.prefix,
            scopes: k.scopes,
            createdAt: k.createdAt,
            expiresAt: k.expiresAt ?? null,
            lastUsedAt: k.lastUsedAt ?? null,
            revokedAt: k.revokedAt ?? null,
          })),
        ),
      ),
      rowsFile(em, 'devices.json', UserDevice, { userId }),
    ]);
  }
}
