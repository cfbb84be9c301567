import type { CommentStatus } from '../entities/blog-comment.entity';

export interface ModerationRules {
  blocklist: readonly string[];
  maxLinks: number;
}

export interface ModerationVerdict {
  status: CommentStatus;
  heldFor: 'blocklist' | 'links' | 'first_comment' | null;
}

const LINK = /\bhttps?:\/\/|\bwww\.|\[[^\]]*\]\([^)]*\)|<a\s/gi;

/**
 * Where a new comment goes: a blocklisted word or more than `maxLinks` links
 * holds it as spam; otherwise a commenter without an approved comment yet waits
 * for moderation, and a trusted one is shown at once.
 */
export function moderate(
  body: string,
  trusted: boolean,
  { blocklist, maxLinks }: ModerationRules,
): ModerationVerdict {
  const text = body.toLowerCase();
  if (blocklist.some((word) => word && text.includes(word.toLowerCase()))) {
    return { status: 'spam', heldFor: 'blocklist' };
  }
  if ((body.match(LINK) ?? []).length > maxLinks) return { status: 'spam', heldFor: 'links' };
  if (!trusted) return { status: 'pending', heldFor: 'first_comment' };
  return { status: 'approved', heldFor: null };
}
