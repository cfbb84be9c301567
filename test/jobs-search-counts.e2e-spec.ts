import { EntityManager } from '@mikro-orm/postgresql';
import { TestApp } from '@lib/testing';

interface SearchPage {
  items: Array<{ id: string; employmentType: string | null }>;
  nextCursor: string | null;
  total: { value: number; capped: boolean; label: string };
  facets: Record<string, Array<{ value: string; count: number; label: string }>> | null;
}

/**
 * Past COUNT_CAP matches the total comes from one of three places: the relevance statement's
 * candidates (no facet filter), the facet sample (every match read), or its own capped count
 * (a facet filter and a sample that did not read every match). All must say the same.
 */
describe('jobs: capped totals past 1,000 matches', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.create({ env: { JOB_FACET_SAMPLE: '300' } });
    // 1,200 postings with a word of their own; every third is a contract (400).
    await t
      .get(EntityManager)
      .fork()
      .execute(
        `insert into jobs (id, title, company, company_key, remote, employment_type, tags, description_html,
           description_text, posted_at, first_seen_at, last_seen_at, fingerprint, minhash, updated_at)
         select gen_random_uuid(), 'Xylograph Engineer ' || n, 'Countsworth', 'countsworth', false,
           case when n % 3 = 0 then 'contract' else 'full_time' end, '[]'::jsonb,
           '<p>xylograph</p>', 'xylograph', now() - n * interval '1 minute', now(), now(),
           'counts-' || n, '[]'::jsonb, now()
         from generate_series(1, 1200) n`,
      );
  });
  afterAll(() => t.close());

  const search = async (query: string) => {
    const response = await t.inject({ method: 'GET', url: `/v1/jobs${query}` });
    expect(response.statusCode).toBe(200);
    return response.json<SearchPage>();
  };

  it('a broad term is "1,000+" with facets on or off', async () => {
    const withFacets = await search('?q=xylograph&limit=5');
    const without = await search('?q=xylograph&limit=5&facets=false');
    expect(withFacets.total).toEqual({ value: 1000, capped: true, label: '1,000+' });
    expect(without.total).toEqual(withFacets.total);
    expect(without.items.map((j) => j.id)).toEqual(withFacets.items.map((j) => j.id));
    // Facets over the sample of 300: lower bounds.
    const types = withFacets.facets!.employmentType;
    expect(types.reduce((sum, f) => sum + f.count, 0)).toBe(300);
    expect(types.every((f) => f.label === `${f.count}+`)).toBe(true);
  });

  it('a facet filter under the cap is counted exactly although the sample is full', async () => {
    for (const sort of ['relevance', 'newest']) {
      const page = await search(`?q=xylograph&employmentType=contract&sort=${sort}&limit=5`);
      expect(page.total).toEqual({ value: 400, capped: false, label: '400' });
      expect(page.items.every((j) => j.employmentType === 'contract')).toBe(true);
      const bare = await search(
        `?q=xylograph&employmentType=contract&sort=${sort}&limit=5&facets=false`,
      );
      expect(bare.total).toEqual(page.total);
    }
  });

  it('filters alone past the cap are "1,000+"', async () => {
    const page = await search('?company=Countsworth&limit=5');
    expect(page.total.capped).toBe(true);
    const contracts = await search('?company=Countsworth&employmentType=contract&limit=5');
    expect(contracts.total.value).toBe(400);
  });
});
