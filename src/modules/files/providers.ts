import type { Provider } from '@nestjs/common';
import { hkdfSync } from 'node:crypto';
import { AppConfig } from '@lib/config';
import {
  AV_SCAN_PORT,
  createAvScanDriver,
  createStorageDriver,
  STORAGE_PORT,
} from '@lib/providers';
import { Secrets } from '../../bootstrap/secrets';

/** The storage and AV-scan drivers the config selects. */
export const FILE_PROVIDERS: Provider[] = [
  {
    provide: STORAGE_PORT,
    inject: [AppConfig, Secrets],
    // Local URL signatures use a key derived from the data key: one secret less to manage.
    useFactory: (config: AppConfig, secrets: Secrets) =>
      createStorageDriver(
        config,
        Buffer.from(hkdfSync('sha256', secrets.dataEncryptionKey, '', 'storage-url-signing', 32)),
      ),
  },
  { provide: AV_SCAN_PORT, inject: [AppConfig], useFactory: createAvScanDriver },
];
