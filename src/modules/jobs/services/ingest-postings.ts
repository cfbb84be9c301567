import type { EntityManager } from '@mikro-orm/postgresql';
import { annualize, canonicalUrl, type NormalizedPosting } from '@lib/providers';
import { Job } from '../entities/job.entity';
import { JobSourceLink } from '../entities/job-source-link.entity';
import {
  companyKey,
  FINGERPRINT_WINDOW_DAYS,
  fingerprint,
  minhash,
  SIMILARITY_THRESHOLD,
  similarity,
} from './dedup';

export interface IngestCounts {
  added: number;
  merged: number;
  updated: number;
  skipped: number;
  expired: number;
}

const DAY_MS = 86_400_000;

function applyPosting(job: Job, p: NormalizedPosting, now: Date): void {
  job.title = p.title;
  job.company = p.company;
  job.companyKey = companyKey(p.company);
  job.companyUrl = p.companyUrl;
  job.companyLogoUrl = p.companyLogoUrl;
  job.location = p.location;
  job.country = p.country;
  job.latitude = p.latitude;
  job.longitude = p.longitude;
  job.remote = p.remote;
  job.workplaceType = p.workplaceType;
  job.employmentType = p.employmentType;
  job.seniority = p.seniority;
  job.tags = p.tags.slice(0, 30);
  job.salaryMin = p.salary?.min ?? null;
  job.salaryMax = p.salary?.max ?? null;
  job.salaryCurrency = p.salary?.currency ?? null;
  job.salaryInterval = p.salary?.interval ?? null;
  job.salaryIsEstimated = p.salary ? p.salary.isEstimated : null;
  job.salaryOrigin = p.salary?.origin ?? null;
  job.salaryAnnual = annualize(p.salary);
  job.descriptionHtml = p.descriptionHtml;
  job.descriptionText = p.descriptionText;
  job.postedAt = p.postedAt;
  job.expiresAt = p.expiresAt;
  job.fingerprint = fingerprint(p.company, p.title, p.location, p.remote);
  job.applyUrlKey = canonicalUrl(p.applyUrl);
  job.minhash = minhash(`${p.title} ${p.descriptionText}`);
  job.status = 'active';
  job.lastSeenAt = now;
  job.updatedAt = now;
}

/** Fills gaps of a merged job from another source (salary, coordinates, types) without overwriting. */
function complete(job: Job, p: NormalizedPosting, now: Date): void {
  if (job.salaryAnnual == null && p.salary && !p.salary.isEstimated) {
    job.salaryMin = p.salary.min;
    job.salaryMax = p.salary.max;
    job.salaryCurrency = p.salary.currency;
    job.salaryInterval = p.salary.interval;
    job.salaryIsEstimated = false;
    job.salaryOrigin = p.salary.origin;
    job.salaryAnnual = annualize(p.salary);
  }
  job.employmentType ??= p.employmentType;
  job.seniority ??= p.seniority;
  job.workplaceType ??= p.workplaceType;
  job.country ??= p.country;
  job.latitude ??= p.latitude;
  job.longitude ??= p.longitude;
  if (p.postedAt < job.postedAt) job.postedAt = p.postedAt;
  job.status = 'active';
  job.lastSeenAt = now;
  job.updatedAt = now;
}

function newLink(
  job: Job,
  p: NormalizedPosting,
  now: Date,
  matchedBy: JobSourceLink['matchedBy'],
): JobSourceLink {
  const link = new JobSourceLink();
  link.job = job as never;
  link.source = p.source;
  link.sourceJobId = p.sourceJobId;
  link.matchedBy = matchedBy;
  refreshLink(link, p, now);
  link.firstSeenAt = now;
  return link;
}

function refreshLink(link: JobSourceLink, p: NormalizedPosting, now: Date): void {
  link.url = p.url;
  link.applyUrl = p.applyUrl;
  link.attributionText = p.attribution?.text ?? null;
  link.attributionUrl = p.attribution?.url ?? null;
  link.postedAt = p.postedAt;
  link.lastSeenAt = now;
  link.removedAt = null;
}

/**
 * Stores one chunk of a source's postings, deduplicating in order:
 * (source, id) → canonical apply URL → fingerprint within ±14 days confirmed by
 * MinHash similarity ≥ 0.8. Uncertain pairs (same fingerprint, different text) stay apart.
 */
export async function ingestPostings(
  em: EntityManager,
  postings: NormalizedPosting[],
  now: Date,
): Promise<IngestCounts> {
  const counts: IngestCounts = { added: 0, merged: 0, updated: 0, skipped: 0, expired: 0 };
  if (postings.length === 0) return counts;
  const source = postings[0].source;
  const ids = postings.map((p) => p.sourceJobId);
  const links = new Map(
    (
      await em.find(JobSourceLink, { source, sourceJobId: { $in: ids } }, { populate: ['job'] })
    ).map((l) => [l.sourceJobId, l]),
  );
  const applyKeys = [
    ...new Set(postings.map((p) => canonicalUrl(p.applyUrl)).filter((k): k is string => !!k)),
  ];
  const fingerprints = [
    ...new Set(postings.map((p) => fingerprint(p.company, p.title, p.location, p.remote))),
  ];
  const byApply = new Map<string, Job>();
  const byFingerprint = new Map<string, Job[]>();
  const candidates = await em.find(
    Job,
    {
      status: 'active',
      $or: [{ applyUrlKey: { $in: applyKeys } }, { fingerprint: { $in: fingerprints } }],
    },
    { populate: ['minhash'] },
  );
  const remember = (job: Job) => {
    if (job.applyUrlKey && !byApply.has(job.applyUrlKey)) byApply.set(job.applyUrlKey, job);
    byFingerprint.set(job.fingerprint, [...(byFingerprint.get(job.fingerprint) ?? []), job]);
  };
  candidates.forEach(remember);

  const seen = new Set<string>();
  for (const p of postings) {
    if (seen.has(p.sourceJobId)) {
      counts.skipped += 1; // the same id twice in one listing
      continue;
    }
    seen.add(p.sourceJobId);
    const existing = links.get(p.sourceJobId);
    if (existing) {
      const job = existing.job.getEntity();
      refreshLink(existing, p, now);
      // A job is rewritten by the source that created it; other sources only fill gaps.
      if (existing.matchedBy === 'new') applyPosting(job, p, now);
      else complete(job, p, now);
      counts.updated += 1;
      continue;
    }
    const applyKey = canonicalUrl(p.applyUrl);
    const byUrl = applyKey ? byApply.get(applyKey) : undefined;
    if (byUrl) {
      complete(byUrl, p, now);
      em.persist(newLink(byUrl, p, now, 'apply_url'));
      counts.merged += 1;
      continue;
    }
    const print = fingerprint(p.company, p.title, p.location, p.remote);
    const signature = minhash(`${p.title} ${p.descriptionText}`);
    const near = (byFingerprint.get(print) ?? [])
      .filter(
        (job) =>
          Math.abs(job.postedAt.getTime() - p.postedAt.getTime()) <=
          FINGERPRINT_WINDOW_DAYS * DAY_MS,
      )
      .map((job) => ({ job, score: similarity(job.minhash, signature) }))
      .filter((c) => c.score >= SIMILARITY_THRESHOLD)
      .sort((a, b) => b.score - a.score)[0];
    if (near) {
      complete(near.job, p, now);
      em.persist(newLink(near.job, p, now, 'fingerprint'));
      counts.merged += 1;
      continue;
    }
    const job = new Job();
    applyPosting(job, p, now);
    job.firstSeenAt = now;
    em.persist(job);
    em.persist(newLink(job, p, now, 'new'));
    remember(job);
    counts.added += 1;
  }
  return counts;
}

/**
 * After a run: past their expiry date, jobs expire; after a complete listing,
 * the source's links not seen in this run are removed, and the jobs those links
 * belonged to expire when no live link is left. Only those jobs are checked for
 * live links: checking every active job took tens of seconds at a million.
 * (The statement sees links as they were before its CTE removed some, hence `not in removed`.)
 */
export async function expireMissing(
  em: EntityManager,
  source: string | null,
  runStartedAt: Date,
  now: Date,
): Promise<number> {
  const expired = await em.execute<{ affectedRows?: number }>(
    `update jobs set status = 'expired', updated_at = ? where status = 'active' and expires_at < ?`,
    [now, now],
    'run',
  );
  if (!source) return expired.affectedRows ?? 0;
  const orphaned = await em.execute<{ affectedRows?: number }>(
    `with removed as (
       update job_source_links set removed_at = ?
        where source = ? and removed_at is null and last_seen_at < ?
       returning id, job_id
     )
     update jobs set status = 'expired', updated_at = ?
      where status = 'active' and id in (select job_id from removed)
        and not exists (select 1 from job_source_links l
                         where l.job_id = jobs.id and l.removed_at is null
                           and l.id not in (select id from removed))`,
    [now, source, runStartedAt, now],
    'run',
  );
  return (expired.affectedRows ?? 0) + (orphaned.affectedRows ?? 0);
}
