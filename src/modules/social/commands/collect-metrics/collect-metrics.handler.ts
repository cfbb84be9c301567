import { EntityManager } from '@mikro-orm/postgresql';
import { Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { SocialMetricSnapshot } from '../../entities/social-metric-snapshot.entity';
import { SocialPostTarget } from '../../entities/social-post-target.entity';
import { SocialNetworks } from '../../services/social-networks.provider';
import { SocialTokenVault } from '../../services/token-vault';
import { CollectMetricsCommand } from './collect-metrics.command';

const BATCH = 500;

/**
 * Asks each network for the counters of targets published within
 * SOCIAL_METRICS_DAYS (accounts that need reconnecting are skipped) and stores
 * them as snapshots: the history the analytics series are read from.
 */
@CommandHandler(CollectMetricsCommand)
export class CollectMetricsHandler implements ICommandHandler<CollectMetricsCommand> {
  private readonly logger = new Logger('SocialMetrics');

  constructor(
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly networks: SocialNetworks,
    private readonly vault: SocialTokenVault,
    private readonly config: AppConfig,
  ) {}

  async execute(): Promise<{ collected: number; failed: number }> {
    const since = new Date(Date.now() - this.config.env.SOCIAL_METRICS_DAYS * 86_400_000);
    const targets = await this.em
      .fork()
      .find(
        SocialPostTarget,
        { status: 'published', publishedAt: { $gte: since }, account: { status: 'connected' } },
        { populate: ['account'], orderBy: { publishedAt: 'desc' }, limit: BATCH },
      );
    const snapshots: Array<Omit<SocialMetricSnapshot, 'id' | 'target'> & { target: string }> = [];
    let failed = 0;
    for (const target of targets) {
      const account = target.account.getEntity();
      const driver = this.networks.driver(account.network);
      if (!driver || !target.remoteId) continue;
      try {
        const metrics = await driver.metrics(
          { remoteId: account.remoteId, accessToken: this.vault.open(account).accessToken },
          target.remoteId,
        );
        snapshots.push({
          target: target.id,
          userId: target.userId,
          accountId: account.id,
          capturedAt: new Date(),
          likes: metrics.likes,
          comments: metrics.comments,
          shares: metrics.shares,
          impressions: metrics.impressions,
        });
      } catch (error) {
        failed += 1;
        this.logger.warn(`Metrics of target ${target.id} failed: ${(error as Error).message}`);
      }
    }
    if (snapshots.length > 0) {
      await this.uow.run(async (em) => {
        for (const s of snapshots) em.create(SocialMetricSnapshot, { ...s, target: s.target });
        await Promise.resolve();
      });
    }
    return { collected: snapshots.length, failed };
  }
}
