import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { PLAN_CATALOG, TIERS } from '@lib/authz';
import { PlanRecord } from './entities/plan.entity';

/** Upserts the code catalog into `plans` on every boot, so the table never drifts from code. */
@Injectable()
export class PlanCatalogSeeder implements OnApplicationBootstrap {
  constructor(private readonly em: EntityManager) {}

  async onApplicationBootstrap(): Promise<void> {
    const rows = TIERS.map((tier) => ({ ...PLAN_CATALOG[tier], updatedAt: new Date() }));
    await this.em.fork().upsertMany(PlanRecord, rows);
  }
}
