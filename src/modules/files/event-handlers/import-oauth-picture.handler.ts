import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { HandlesEventInJob, UnitOfWork, type DomainEventHandler } from '@lib/event-store';
import { BUCKETS, STORAGE_PORT, type StoragePort } from '@lib/providers';
import { OAuthPictureOffered, User } from '../../identity';
import { StoredFile } from '../entities/stored-file.entity';
import { FILE_KINDS } from '../file-kinds';
import { FILE_TYPES } from '../file-types';
import { fetchRemoteImage, RemoteImageRefused } from '../import/fetch-remote-image';

const FETCH_TIMEOUT_MS = 10_000;

/** A stable file id per offer (shaped like our uuidv7 ids), so a retried job finds the file it already made. */
function fileIdFor(eventId: string): string {
  const hex = createHash('sha256').update(`oauth-picture:${eventId}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The picture of a new OAuth account goes through the same pipeline as an
 * upload: fetched through the SSRF guard (size and type limits of
 * `profile-image`), parked in quarantine, scanned, processed. Once ready it
 * becomes the avatar (ShowOAuthPictureHandler). A refused URL is logged and
 * dropped: the account simply has no picture.
 */
@Injectable()
@HandlesEventInJob(OAuthPictureOffered)
export class ImportOAuthPictureHandler implements DomainEventHandler<OAuthPictureOffered> {
  private readonly logger = new Logger(ImportOAuthPictureHandler.name);

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly config: AppConfig,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
  ) {}

  async handle(event: OAuthPictureOffered): Promise<void> {
    // Erased meanwhile: the URL is gone with the person, and so is the account.
    if (event.metadata?.erased || typeof event.payload.url !== 'string') return;
    const userId = event.streamId;
    const id = fileIdFor(event.eventId ?? `${userId}:${event.payload.url}`);
    const em = this.em.fork();
    if ((await em.count(StoredFile, { id })) || !(await em.count(User, { id: userId }))) return;
    const rule = FILE_KINDS['profile-image'];
    let image: Awaited<ReturnType<typeof fetchRemoteImage>>;
    try {
      image = await fetchRemoteImage(event.payload.url, {
        maxBytes: rule.maxBytes,
        types: rule.types,
        timeoutMs: FETCH_TIMEOUT_MS,
        allowPrivateHosts: this.config.env.OAUTH_PICTURE_PRIVATE_HOSTS,
      });
    } catch (error) {
      if (!(error instanceof RemoteImageRefused)) throw error;
      this.logger.warn(`OAuth picture of ${userId} not imported: ${error.message}`);
      return;
    }
    const type = FILE_TYPES[image.type];
    const file = StoredFile.upload({
      id,
      userId,
      kind: 'profile-image',
      fileName: `original.${type.extensions[0]}`,
      originalName: `${event.payload.provider}-picture.${type.extensions[0]}`,
      mimeType: type.mimeType,
      size: image.content.length,
      bucket: rule.bucket,
      isPublic: BUCKETS[rule.bucket].public,
      checksum: createHash('sha256').update(image.content).digest('hex'),
      origin: 'oauth-picture',
    });
    await this.storage.put('quarantine', file.quarantineKey, image.content, {
      contentType: 'application/octet-stream',
      contentLength: image.content.length,
    });
    await this.uow.run((em) => {
      em.persist(file);
      return Promise.resolve();
    });
  }
}
