import { defineProblems } from '@lib/problems';

/** Blog: authoring, public reads and comments. */
export const blogProblems = defineProblems({
  'blog.post_not_found': {
    status: 404,
    description: 'No such post, not published yet, or (for editors) not yours.',
  },
  'blog.slug_taken': {
    status: 409,
    description: 'Another post, category or tag already uses (or used) this slug.',
  },
  'blog.revision_not_found': { status: 404, description: 'The post has no such revision.' },
  'blog.category_not_found': { status: 404, description: 'No such category.' },
  'blog.tag_not_found': { status: 404, description: 'No such tag.' },
  'blog.author_not_found': { status: 404, description: 'No such author.' },
  'blog.comment_not_found': { status: 404, description: 'No such comment, or not on your post.' },
  'blog.invalid_schedule': {
    status: 422,
    description: 'A scheduled post needs a `publishAt` in the future.',
  },
  'blog.invalid_parent': {
    status: 422,
    description: 'Replies go to an approved top-level comment of the same post.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    blog: typeof blogProblems;
  }
}
