import { validateContent, type RuleViolation, type SocialNetworkName } from '@lib/providers';
import type { PostMediaItem, SocialPost } from '../entities/social-post.entity';

/** What one network gets: the post with that network's variant applied (media without URLs yet). */
export function contentFor(
  post: Pick<SocialPost, 'text' | 'media' | 'variants' | 'firstComment' | 'thread'>,
  network: string,
): { text: string; media: PostMediaItem[]; firstComment: string | null; thread: string[] } {
  const variant = post.variants[network] ?? {};
  return {
    text: variant.text ?? post.text,
    media: variant.media ?? post.media,
    firstComment: post.firstComment ?? null,
    thread: post.thread,
  };
}

/** Every rule the post breaks on any of the networks it goes to. */
export function violationsOf(
  post: Pick<SocialPost, 'text' | 'media' | 'variants' | 'firstComment' | 'thread'>,
  networks: Iterable<string>,
): RuleViolation[] {
  return [...new Set(networks)].flatMap((network) => {
    const content = contentFor(post, network);
    return validateContent(network as SocialNetworkName, {
      ...content,
      media: content.media.map((m) => ({ ...m, url: '' })),
    });
  });
}
