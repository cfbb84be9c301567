import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { MetricSnapshotDto, SocialPostMetricsDto } from '../../dto/social-insights.dto';
import { SocialMetricSnapshot } from '../../entities/social-metric-snapshot.entity';
import { SocialPost } from '../../entities/social-post.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { socialProblems } from '../../social.problems';
import { PostMetricsQuery } from './post-metrics.query';

const PER_TARGET = 500;

/** Each target's snapshot history (the newest 500, oldest first) and its latest counters. */
@QueryHandler(PostMetricsQuery)
export class PostMetricsHandler implements IQueryHandler<PostMetricsQuery, SocialPostMetricsDto> {
  constructor(private readonly em: EntityManager) {}

  async execute({ userId, postId }: PostMetricsQuery): Promise<SocialPostMetricsDto> {
    const em = this.em.fork();
    const post = await em.findOne(SocialPost, { id: postId, userId });
    if (!post) throw socialProblems.problem('social.post_not_found', `No post ${postId}`);
    const targets = await em.find(SocialPostTarget, { post: post.id }, { orderBy: { id: 'asc' } });
    return {
      postId: post.id,
      targets: await Promise.all(
        targets.map(async (target) => {
          const snapshots = (
            await em.find(
              SocialMetricSnapshot,
              { target: target.id },
              { orderBy: { capturedAt: 'desc' }, limit: PER_TARGET },
            )
          )
            .reverse()
            .map(snapshotDto);
          return {
            targetId: target.id,
            accountId: target.account.id,
            network: target.network,
            latest: snapshots.at(-1) ?? null,
            snapshots,
          };
        }),
      ),
    };
  }
}

const snapshotDto = (s: SocialMetricSnapshot): MetricSnapshotDto => ({
  capturedAt: s.capturedAt.toISOString(),
  likes: s.likes,
  comments: s.comments,
  shares: s.shares,
  impressions: s.impressions ?? null,
});
