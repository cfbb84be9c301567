import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  STORAGE_PORT,
  type SocialAccountAccess,
  type SocialContent,
  type StoragePort,
} from '@lib/providers';
import { StoredFile } from '../../files';
import { SocialAccount } from '../entities/social-account.entity';
import { SocialPost } from '../entities/social-post.entity';
import { SocialPostTarget } from '../entities/social-post-target.entity';
import { contentFor } from './post-content';
import { SocialTokenVault } from './token-vault';

/** Media links the network fetches itself (Meta): signed, valid long enough for a slow fetch. */
const MEDIA_URL_TTL_SECONDS = 6 * 3600;

export interface TargetContext {
  target: SocialPostTarget;
  post: SocialPost;
  account: SocialAccount;
  access: SocialAccountAccess;
  content: SocialContent;
}

/** Everything a driver call about one target needs: opened token, content with media URLs. */
@Injectable()
export class PublishContext {
  constructor(
    private readonly em: EntityManager,
    private readonly vault: SocialTokenVault,
    @Inject(STORAGE_PORT) private readonly storage: StoragePort,
  ) {}

  async load(targetId: string): Promise<TargetContext | undefined> {
    const em = this.em.fork();
    const target = await em.findOne(
      SocialPostTarget,
      { id: targetId },
      { populate: ['post', 'account'] },
    );
    if (!target) return undefined;
    const post = target.post.getEntity();
    const account = target.account.getEntity();
    const base = contentFor(post, target.network);
    const files = base.media.length
      ? await em.find(StoredFile, {
          id: { $in: base.media.map((m) => m.fileId) },
          userId: post.userId,
        })
      : [];
    const media = await Promise.all(
      base.media.map(async (m) => {
        const file = files.find((f) => f.id === m.fileId);
        const url = !file
          ? ''
          : file.isPublic
            ? this.storage.publicUrl(file.bucket, file.path)
            : await this.storage.signedUrl(file.bucket, file.path, MEDIA_URL_TTL_SECONDS);
        const read = file ? () => this.read(file) : undefined;
        return { kind: m.kind, mimeType: m.mimeType, sizeBytes: m.sizeBytes, url, read };
      }),
    );
    return {
      target,
      post,
      account,
      access: { remoteId: account.remoteId, accessToken: this.vault.open(account).accessToken },
      content: { text: base.text, media, firstComment: base.firstComment, thread: base.thread },
    };
  }

  /** The original's bytes, for networks that take uploads instead of fetching a URL. */
  private async read(file: StoredFile): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of await this.storage.getStream(file.bucket, file.path)) {
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
  }
}
