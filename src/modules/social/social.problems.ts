import { defineProblems } from '@lib/problems';

/** Social publisher. */
export const socialProblems = defineProblems({
  'social.network_not_found': { status: 404, description: 'No such network.' },
  'social.network_unavailable': {
    status: 409,
    description:
      'The network cannot be connected here (`networkStatus`: not_configured or disabled).',
  },
  'social.account_not_found': {
    status: 404,
    description: 'No such connected account, or not yours.',
  },
  'social.account_needs_reconnect': {
    status: 409,
    description: 'An account of the post needs reconnecting before it can publish (`accountIds`).',
  },
  'social.post_not_found': { status: 404, description: 'No such post, or not yours.' },
  'social.post_invalid': {
    status: 422,
    description:
      'The post breaks a network’s rules; `violations[]` names each network and rule ' +
      '(text_length, media_required, image_count, video_count, mixed_media, media_type, ' +
      'media_size, hashtag_count, thread_unsupported). Nothing was queued.',
  },
  'social.media_not_found': {
    status: 404,
    description: 'A media file is not yours, does not exist or is not an image or a video.',
  },
  'social.media_not_ready': {
    status: 409,
    description: 'A media file is still being scanned or was rejected (`fileId`).',
  },
  'social.post_locked': {
    status: 409,
    description: 'A target of the post is publishing or published; it can no longer be changed.',
  },
  'social.no_accounts': {
    status: 409,
    description: 'The post has no accounts to publish to.',
  },
  'social.no_free_slot': {
    status: 409,
    description: 'An account of the post has no queue slots, or none free in the next 8 weeks.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    social: typeof socialProblems;
  }
}
