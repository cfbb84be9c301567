import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '../../identity';
import { BlogAuthor } from '../entities/blog-author.entity';
import { slugify } from './slug';

/** Authors' public profiles: made from the account's name on the first post. */
@Injectable()
export class AuthorProfiles {
  async ensure(em: EntityManager, userId: string): Promise<BlogAuthor> {
    const existing = await em.findOne(BlogAuthor, { userId });
    if (existing) return existing;
    const user = await em.findOneOrFail(User, { id: userId });
    const author = Object.assign(new BlogAuthor(), {
      userId,
      name: user.name,
      slug: await this.freeSlug(em, slugify(user.name), userId),
    });
    em.persist(author);
    return author;
  }

  async freeSlug(em: EntityManager, wanted: string, userId: string): Promise<string> {
    let candidate = wanted;
    for (let n = 2; ; n += 1) {
      const taken = await em.findOne(BlogAuthor, { slug: candidate, userId: { $ne: userId } });
      if (!taken) return candidate;
      candidate = `${wanted.slice(0, 75)}-${n}`;
    }
  }
}
