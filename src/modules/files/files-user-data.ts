import type { EntityManager } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { buffer } from 'node:stream/consumers';
import { STORAGE_PORT, StorageObjectNotFound, type StoragePort } from '@lib/providers';
import {
  ExportsUserData,
  exportedRows,
  jsonFile,
  type UserDataExporter,
  type UserDataFile,
} from '../../common/user-data';
import { StoredFile } from './entities/stored-file.entity';

/** The user's files: metadata, and each scanned file's original content (`objects/`). */
@Injectable()
@ExportsUserData()
export class FilesUserData implements UserDataExporter {
  readonly name = 'files';

  constructor(@Inject(STORAGE_PORT) private readonly storage: StoragePort) {}

  async export(userId: string, em: EntityManager): Promise<UserDataFile[]> {
    const files = await em.find(StoredFile, { userId }, { orderBy: { createdAt: 'asc' } });
    const out: UserDataFile[] = [jsonFile('files.json', exportedRows(files))];
    // Files still waiting for the scan, or refused by it, are not handed out.
    for (const file of files.filter((f) => f.status === 'ready')) {
      const content = await this.read(file);
      if (content) out.push({ path: `objects/${file.id}-${file.fileName}`, content });
    }
    return out;
  }

  private async read(file: StoredFile): Promise<Buffer | undefined> {
    try {
      return await buffer(await this.storage.getStream(file.bucket, file.path));
    } catch (error) {
      if (error instanceof StorageObjectNotFound) return undefined;
      throw error;
    }
  }
}
