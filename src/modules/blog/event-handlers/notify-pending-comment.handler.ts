import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import { Notifier } from '../../notifications';
import { BLOG_NOTIFICATION_TYPES } from '../blog.notifications';
import { BlogPost } from '../entities/blog-post.entity';
import { BlogCommentPosted } from '../events/blog.events';
import { SiteUrls } from '../seo/site-urls';

/** The post's author hears of a comment held for moderation (not of spam, nor of their own). */
@Injectable()
@HandlesEvent(BlogCommentPosted)
export class NotifyPendingCommentHandler implements DomainEventHandler<BlogCommentPosted> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
    private readonly urls: SiteUrls,
  ) {}

  async handle(event: BlogCommentPosted): Promise<void> {
    const { status, postAuthorId, userId, postId } = event.payload;
    if (status !== 'pending' || userId === postAuthorId) return;
    const post = await this.em
      .fork()
      .findOne(BlogPost, { id: postId }, { fields: ['title', 'slug'] });
    if (!post) return;
    await this.notifier.notify(
      postAuthorId,
      BLOG_NOTIFICATION_TYPES['blog.comment_pending'],
      { postTitle: post.title, url: this.urls.post(post.slug), commentId: event.streamId },
      { subjectId: event.eventId },
    );
  }
}
