import type { PublishedPost, SocialNetwork } from '@lib/providers';
import type { TargetContext } from './publish-context';

/** How far before the create call a matching post is looked for (clock skew between us and the network). */
const SKEW_MS = 5 * 60_000;

/**
 * The post an earlier create of this target may have made: the account's posts
 * since that attempt, matched by the text as written. Undefined when none.
 */
export async function findEarlierPost(
  driver: SocialNetwork,
  ctx: Pick<TargetContext, 'access' | 'content'>,
  attemptedAt: Date,
): Promise<PublishedPost | undefined> {
  const recent = await driver.findRecent(ctx.access, new Date(attemptedAt.getTime() - SKEW_MS));
  const text = ctx.content.text.trim();
  const match = recent.find((p) => p.text.trim() === text);
  return match ? { remoteId: match.remoteId, url: match.url } : undefined;
}
