import { Injectable } from '@nestjs/common';
import { ResponseCache } from '@lib/cache';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { BLOG_CACHE_TAG } from '../blog-cache';
import {
  BlogAuthorProfileChanged,
  BlogPostChanged,
  BlogTaxonomyChanged,
} from '../events/blog.events';

/**
 * A post, term or author change can move any public list (order, filters, counts, names), so
 * every stored blog answer goes. It runs in the request that committed the change (not in a
 * job), so the editor's next read already sees it.
 */
@Injectable()
@HandlesEvent(BlogPostChanged, BlogTaxonomyChanged, BlogAuthorProfileChanged)
export class InvalidateBlogCacheHandler implements DomainEventHandler<
  BlogPostChanged | BlogTaxonomyChanged | BlogAuthorProfileChanged
> {
  constructor(private readonly cache: ResponseCache) {}

  async handle(): Promise<void> {
    await this.cache.invalidate(BLOG_CACHE_TAG);
  }
}
