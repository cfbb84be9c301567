import type { EntityManager } from '@mikro-orm/postgresql';
import { postNotFound } from '../blog.policies';
import { BlogPost } from '../entities/blog-post.entity';
import { BlogSlugRedirect } from '../entities/blog-slug-redirect.entity';

/** A published post by its slug, or the slug it moved to (an old slug of a published post). */
export type PublishedLookup = { post: BlogPost } | { movedTo: string };

/** Drafts, scheduled and archived posts are 404, under their old slugs too. */
export async function findPublished(em: EntityManager, slug: string): Promise<PublishedLookup> {
  const post = await em.findOne(
    BlogPost,
    { slug, status: 'published' },
    { populate: ['bodyHtml'] },
  );
  if (post) return { post };
  const redirect = await em.findOne(BlogSlugRedirect, { slug });
  const target =
    redirect &&
    (await em.findOne(
      BlogPost,
      { id: redirect.postId, status: 'published' },
      { fields: ['slug'] },
    ));
  if (target) return { movedTo: target.slug };
  throw postNotFound(slug);
}
