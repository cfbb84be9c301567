import type { EntityManager } from '@mikro-orm/postgresql';
import { StoredFile } from '../../files';
import type { PostMediaItem } from '../entities/social-post.entity';
import { socialProblems } from '../social.problems';

/** Turns `{fileId}`s into media items with the type and size the network rules check. */
export async function resolveMedia(
  em: EntityManager,
  userId: string,
  refs: Array<{ fileId: string }>,
): Promise<PostMediaItem[]> {
  if (refs.length === 0) return [];
  const files = await em.find(StoredFile, { id: { $in: refs.map((r) => r.fileId) }, userId });
  return refs.map(({ fileId }) => {
    const file = files.find((f) => f.id === fileId);
    const kind = file?.mimeType.startsWith('image/')
      ? 'image'
      : file?.mimeType.startsWith('video/')
        ? 'video'
        : undefined;
    if (!file || !kind) {
      throw socialProblems.problem('social.media_not_found', `No image or video ${fileId}`, {
        fileId,
      });
    }
    if (file.status !== 'ready') {
      throw socialProblems.problem('social.media_not_ready', `File ${fileId} is ${file.status}`, {
        fileId,
      });
    }
    return { fileId, kind, mimeType: file.mimeType, sizeBytes: file.size };
  });
}
