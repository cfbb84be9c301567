import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminBlogAuthorsController } from './admin-blog-authors.controller';
import { AdminBlogCategoriesController } from './admin-blog-categories.controller';
import { AdminBlogCommentsController } from './admin-blog-comments.controller';
import { AdminBlogPostsController } from './admin-blog-posts.controller';
import { AdminBlogTagsController } from './admin-blog-tags.controller';
import { BlogPostsController } from './blog-posts.controller';
import { BlogController } from './blog.controller';
import { CreatePostHandler } from './commands/create-post/create-post.handler';
import { DeletePostHandler } from './commands/delete-post/delete-post.handler';
import { DeleteTermHandler } from './commands/delete-term/delete-term.handler';
import { FlushViewsHandler } from './commands/flush-views/flush-views.handler';
import { ModerateCommentHandler } from './commands/moderate-comment/moderate-comment.handler';
import { PostCommentHandler } from './commands/post-comment/post-comment.handler';
import { PublishDuePostHandler } from './commands/publish-due-post/publish-due-post.handler';
import { ReactToPostHandler } from './commands/react-to-post/react-to-post.handler';
import { RecordViewHandler } from './commands/record-view/record-view.handler';
import { RestoreRevisionHandler } from './commands/restore-revision/restore-revision.handler';
import { SaveTermHandler } from './commands/save-term/save-term.handler';
import { UpdateAuthorProfileHandler } from './commands/update-author-profile/update-author-profile.handler';
import { UpdatePostHandler } from './commands/update-post/update-post.handler';
import { CommentsPerIpGuard } from './comments/comments-per-ip.guard';
import { AuthorProfiles } from './content/author-profiles';
import { PostWriter } from './content/post-writer';
import { BlogViews } from './counters/blog-views';
import { EraseReaderActivityOfDeletedUserHandler } from './event-handlers/erase-reader-activity-of-deleted-user.handler';
import { NotifyPendingCommentHandler } from './event-handlers/notify-pending-comment.handler';
import { InvalidateBlogCacheHandler } from './event-handlers/invalidate-blog-cache.handler';
import { SchedulePublicationHandler } from './event-handlers/schedule-publication.handler';
import { FeedsController } from './feeds.controller';
import { BlogPublicationScheduler } from './jobs/blog-publication.scheduler';
import { BlogProcessor } from './jobs/blog.processor';
import { DiffRevisionsHandler } from './queries/diff-revisions/diff-revisions.handler';
import { GetAdminPostHandler } from './queries/get-admin-post/get-admin-post.handler';
import { GetPostMetaHandler } from './queries/get-post-meta/get-post-meta.handler';
import { GetPublicPostHandler } from './queries/get-public-post/get-public-post.handler';
import { ListAdminPostsHandler } from './queries/list-admin-posts/list-admin-posts.handler';
import { ListAuthorsHandler } from './queries/list-authors/list-authors.handler';
import { ListCommentsHandler } from './queries/list-comments/list-comments.handler';
import { ListModerationHandler } from './queries/list-moderation/list-moderation.handler';
import { ListMostReadHandler } from './queries/list-most-read/list-most-read.handler';
import { ListPublicPostsHandler } from './queries/list-public-posts/list-public-posts.handler';
import { ListRelatedPostsHandler } from './queries/list-related-posts/list-related-posts.handler';
import { ListRevisionsHandler } from './queries/list-revisions/list-revisions.handler';
import { ListTermsHandler } from './queries/list-terms/list-terms.handler';
import { GetSeoDocumentHandler } from './queries/seo-document/seo-document.handler';
import { RobotsController } from './robots.txt.controller';
import { BlogSeo } from './seo/blog-seo';
import { SiteUrls } from './seo/site-urls';
import { SitemapIndexController } from './sitemap.xml.controller';
import { SitemapsController } from './sitemaps.controller';
import { BlogUserData } from './blog-user-data';

/** Blog CMS: authoring with revisions and schedules, the public content API, comments, SEO files. */
@Module({})
export class BlogModule {
  static forRole(runsWorker: boolean): DynamicModule {
    return {
      module: BlogModule,
      imports: [CqrsModule],
      controllers: [
        AdminBlogPostsController,
        AdminBlogCategoriesController,
        AdminBlogTagsController,
        AdminBlogCommentsController,
        AdminBlogAuthorsController,
        BlogPostsController,
        BlogController,
        SitemapIndexController,
        SitemapsController,
        RobotsController,
        FeedsController,
      ],
      providers: [
        BlogUserData,
        PostWriter,
        AuthorProfiles,
        BlogViews,
        SiteUrls,
        BlogSeo,
        CommentsPerIpGuard,
        CreatePostHandler,
        UpdatePostHandler,
        DeletePostHandler,
        RestoreRevisionHandler,
        PublishDuePostHandler,
        SaveTermHandler,
        DeleteTermHandler,
        UpdateAuthorProfileHandler,
        PostCommentHandler,
        ModerateCommentHandler,
        ReactToPostHandler,
        RecordViewHandler,
        FlushViewsHandler,
        ListAdminPostsHandler,
        GetAdminPostHandler,
        ListRevisionsHandler,
        DiffRevisionsHandler,
        ListPublicPostsHandler,
        GetPublicPostHandler,
        GetPostMetaHandler,
        ListRelatedPostsHandler,
        ListTermsHandler,
        ListAuthorsHandler,
        ListMostReadHandler,
        ListCommentsHandler,
        ListModerationHandler,
        GetSeoDocumentHandler,
        SchedulePublicationHandler,
        InvalidateBlogCacheHandler,
        NotifyPendingCommentHandler,
        EraseReaderActivityOfDeletedUserHandler,
        ...(runsWorker ? [BlogProcessor, BlogPublicationScheduler] : []),
      ],
    };
  }
}
