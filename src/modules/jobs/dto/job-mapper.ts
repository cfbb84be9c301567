import type { Job } from '../entities/job.entity';
import type { JobSourceLink } from '../entities/job-source-link.entity';
import type { JobDto, JobSummaryDto } from './job.dto';

export function jobSummary(
  job: Job,
  links: JobSourceLink[],
  highlights: JobSummaryDto['highlights'] = null,
): JobSummaryDto {
  return {
    id: job.id,
    title: job.title,
    company: job.company,
    location: job.location ?? null,
    country: job.country ?? null,
    remote: job.remote,
    workplaceType: job.workplaceType ?? null,
    employmentType: job.employmentType ?? null,
    seniority: job.seniority ?? null,
    salary:
      job.salaryInterval && (job.salaryMin != null || job.salaryMax != null)
        ? {
            min: job.salaryMin ?? null,
            max: job.salaryMax ?? null,
            currency: job.salaryCurrency ?? null,
            interval: job.salaryInterval,
            isEstimated: job.salaryIsEstimated ?? false,
            annual: job.salaryAnnual ?? null,
          }
        : null,
    tags: job.tags,
    postedAt: job.postedAt.toISOString(),
    firstSeenAt: job.firstSeenAt.toISOString(),
    sources: links
      .filter((l) => !l.removedAt)
      .sort((a, b) => a.firstSeenAt.getTime() - b.firstSeenAt.getTime())
      .map((l) => ({
        source: l.source,
        url: l.url,
        applyUrl: l.applyUrl ?? null,
        attribution: l.attributionText ?? null,
        attributionUrl: l.attributionUrl ?? null,
        postedAt: l.postedAt.toISOString(),
      })),
    highlights,
  };
}

export function jobDetail(job: Job, links: JobSourceLink[]): JobDto {
  return {
    ...jobSummary(job, links),
    companyUrl: job.companyUrl ?? null,
    companyLogoUrl: job.companyLogoUrl ?? null,
    latitude: job.latitude ?? null,
    longitude: job.longitude ?? null,
    descriptionHtml: job.descriptionHtml,
    descriptionText: job.descriptionText,
    expiresAt: job.expiresAt?.toISOString() ?? null,
    status: job.status,
  };
}
