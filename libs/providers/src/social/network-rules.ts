import type { SocialContent, SocialNetworkName } from './social-network.port';

/** What a network accepts in one post. The one table every check reads. */
export interface NetworkRules {
  maxTextLength: number;
  /** X counts every link as this many characters (t.co); null: links count as typed. */
  linkLength: number | null;
  mediaRequired: boolean;
  maxImages: number;
  maxVideos: number;
  /** Images and a video in one post. */
  mixedMedia: boolean;
  imageTypes: string[];
  videoTypes: string[];
  maxImageBytes: number;
  maxVideoBytes: number;
  maxHashtags: number | null;
  /** Replies chained after the post (X threads). */
  threads: boolean;
}

const MB = 1024 * 1024;

const REAL_NETWORK_RULES: Record<Exclude<SocialNetworkName, 'sandbox'>, NetworkRules> = {
  linkedin: {
    maxTextLength: 3000,
    linkLength: null,
    mediaRequired: false,
    maxImages: 20,
    maxVideos: 1,
    mixedMedia: false,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif'],
    videoTypes: ['video/mp4'],
    maxImageBytes: 36 * MB,
    maxVideoBytes: 500 * MB,
    maxHashtags: null,
    threads: false,
  },
  x: {
    maxTextLength: 280,
    linkLength: 23,
    mediaRequired: false,
    maxImages: 4,
    maxVideos: 1,
    mixedMedia: false,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    videoTypes: ['video/mp4'],
    maxImageBytes: 5 * MB,
    maxVideoBytes: 512 * MB,
    maxHashtags: null,
    threads: true,
  },
  facebook: {
    maxTextLength: 5000,
    linkLength: null,
    mediaRequired: false,
    maxImages: 10,
    maxVideos: 1,
    mixedMedia: false,
    imageTypes: ['image/jpeg', 'image/png', 'image/gif', 'image/webp'],
    videoTypes: ['video/mp4'],
    maxImageBytes: 10 * MB,
    maxVideoBytes: 1024 * MB,
    maxHashtags: null,
    threads: false,
  },
  instagram: {
    maxTextLength: 2200,
    linkLength: null,
    mediaRequired: true,
    maxImages: 10,
    maxVideos: 1,
    mixedMedia: false,
    imageTypes: ['image/jpeg'],
    videoTypes: ['video/mp4'],
    maxImageBytes: 8 * MB,
    maxVideoBytes: 300 * MB,
    maxHashtags: 30,
    threads: false,
  },
};

/** The sandbox accepts only what all four accept, so a post that passes it passes everywhere. */
function strictest(all: NetworkRules[]): NetworkRules {
  const min = (pick: (r: NetworkRules) => number) => Math.min(...all.map(pick));
  const common = (pick: (r: NetworkRules) => string[]) =>
    pick(all[0]).filter((type) => all.every((r) => pick(r).includes(type)));
  const hashtagLimits = all.map((r) => r.maxHashtags).filter((n): n is number => n !== null);
  return {
    maxTextLength: min((r) => r.maxTextLength),
    linkLength: Math.max(...all.map((r) => r.linkLength ?? 0)) || null,
    mediaRequired: all.some((r) => r.mediaRequired),
    maxImages: min((r) => r.maxImages),
    maxVideos: min((r) => r.maxVideos),
    mixedMedia: all.every((r) => r.mixedMedia),
    imageTypes: common((r) => r.imageTypes),
    videoTypes: common((r) => r.videoTypes),
    maxImageBytes: min((r) => r.maxImageBytes),
    maxVideoBytes: min((r) => r.maxVideoBytes),
    maxHashtags: hashtagLimits.length ? Math.min(...hashtagLimits) : null,
    threads: all.every((r) => r.threads),
  };
}

export const NETWORK_RULES: Readonly<Record<SocialNetworkName, NetworkRules>> = Object.freeze({
  ...REAL_NETWORK_RULES,
  sandbox: strictest(Object.values(REAL_NETWORK_RULES)),
});

export type RuleName =
  | 'text_length'
  | 'media_required'
  | 'image_count'
  | 'video_count'
  | 'mixed_media'
  | 'media_type'
  | 'media_size'
  | 'hashtag_count'
  | 'thread_unsupported';

export interface RuleViolation {
  network: SocialNetworkName;
  rule: RuleName;
  message: string;
}

const LINK = /https?:\/\/\S+/g;
const HASHTAG = /(^|\s)#[\p{L}\p{N}_]+/gu;

/** Characters as the network counts them (code points; X counts each link as 23). */
export function textLength(text: string, rules: NetworkRules): number {
  const counted =
    rules.linkLength === null ? text : text.replace(LINK, 'x'.repeat(rules.linkLength));
  return [...counted].length;
}

/** Every rule the content breaks on the network; empty when it may be published there. */
export function validateContent(
  network: SocialNetworkName,
  content: SocialContent,
): RuleViolation[] {
  const rules = NETWORK_RULES[network];
  const out: RuleViolation[] = [];
  const add = (rule: RuleName, message: string) => out.push({ network, rule, message });
  const texts = [content.text, ...(content.thread ?? [])];
  texts.forEach((text, i) => {
    const length = textLength(text, rules);
    if (length > rules.maxTextLength) {
      const which = i === 0 ? 'The text' : `Thread item ${i}`;
      add(
        'text_length',
        `${which} has ${length} characters; ${network} allows ${rules.maxTextLength}`,
      );
    }
  });
  if (content.thread?.length && !rules.threads)
    add('thread_unsupported', `${network} has no threads`);
  const images = content.media.filter((m) => m.kind === 'image');
  const videos = content.media.filter((m) => m.kind === 'video');
  if (rules.mediaRequired && content.media.length === 0) {
    add('media_required', `${network} needs an image or a video`);
  }
  if (images.length > rules.maxImages) {
    add('image_count', `${images.length} images; ${network} allows ${rules.maxImages}`);
  }
  if (videos.length > rules.maxVideos) {
    add('video_count', `${videos.length} videos; ${network} allows ${rules.maxVideos}`);
  }
  if (images.length && videos.length && !rules.mixedMedia) {
    add('mixed_media', `${network} does not take images and a video in one post`);
  }
  for (const media of content.media) {
    const types = media.kind === 'image' ? rules.imageTypes : rules.videoTypes;
    const maxBytes = media.kind === 'image' ? rules.maxImageBytes : rules.maxVideoBytes;
    if (!types.includes(media.mimeType)) {
      add('media_type', `${network} does not take ${media.mimeType} (${types.join(', ')})`);
    } else if (media.sizeBytes > maxBytes) {
      add(
        'media_size',
        `A ${media.kind} of ${media.sizeBytes} bytes; ${network} allows ${maxBytes}`,
      );
    }
  }
  const hashtags = content.text.match(HASHTAG)?.length ?? 0;
  if (rules.maxHashtags !== null && hashtags > rules.maxHashtags) {
    add('hashtag_count', `${hashtags} hashtags; ${network} allows ${rules.maxHashtags}`);
  }
  return out;
}
