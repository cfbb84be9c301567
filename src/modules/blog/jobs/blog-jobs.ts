export const PUBLISH_BLOG_POST = 'publish-blog-post';
export const FLUSH_BLOG_VIEWS = 'flush-blog-views';

/** Payload of a `scheduled` queue `publish-blog-post` job (id `blog-publish:<postId>:<publishAt ms>`). */
export interface PublishBlogPostJob {
  postId: string;
}

/** The natural id of a post's publication at a given time: replicas and retries add one job. */
export const publishJobId = (postId: string, publishAt: Date) =>
  `blog-publish:${postId}:${publishAt.getTime()}`;
