import type { EntityManager } from '@mikro-orm/postgresql';

/** Confirmed subscribers of `topic` whose address is not suppressed. */
export async function audienceSize(em: EntityManager, topic: string): Promise<number> {
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from newsletter_subscribers s
      where s.status = 'confirmed' and s.topics @> jsonb_build_array(?::text)
        and not exists (select 1 from email_suppressions e where e.email = s.email)`,
    [topic],
  );
  return Number(row?.n ?? 0);
}
