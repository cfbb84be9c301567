import { Inject, Injectable } from '@nestjs/common';
import { STORAGE_PORT, type StoragePort } from '@lib/providers';
import type { StoredFile } from './entities/stored-file.entity';

/** The storage objects of a file record: its quarantined upload, original and variants. */
@Injectable()
export class FileObjects {
  constructor(@Inject(STORAGE_PORT) private readonly storage: StoragePort) {}

  /** Deletes every object of the file; deleting what is already gone is fine. */
  async removeAll(file: StoredFile): Promise<void> {
    await this.storage.delete('quarantine', file.quarantineKey);
    for (const key of new Set(file.objectKeys())) await this.storage.delete(file.bucket, key);
  }

  /** Where a client reads an object: its public URL, or a short-lived signed one. */
  urlOf(file: StoredFile, key: string, ttlSeconds: number): Promise<string> {
    return file.isPublic
      ? Promise.resolve(this.storage.publicUrl(file.bucket, key))
      : this.storage.signedUrl(file.bucket, key, ttlSeconds);
  }
}
