import { Controller, Get, Query as QueryParams, UseInterceptors } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope } from '@lib/authz';
import { Cacheable } from '@lib/cache';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { JobDto, JobSearchPageDto } from './dto/job.dto';
import { JobSourceListDto } from './dto/job-source.dto';
import { SearchJobsQueryDto } from './dto/search-jobs.query.dto';
import { JOBS_CACHE_TAG } from './jobs-cache';
import { GetJobQuery } from './queries/get-job/get-job.query';
import { ListJobSourcesQuery } from './queries/list-sources/list-sources.query';
import { RecordJobSearchInterceptor } from './record-job-search.interceptor';
import { SavedStateInterceptor } from './saved-state.interceptor';
import { SearchJobsQuery } from './queries/search-jobs/search-jobs.query';

@ApiTags('jobs')
@Controller({ path: 'jobs', version: '1' })
export class JobsController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Access('public', { signIn: 'optional' })
  @ApiKeyScope('jobs:read')
  @RateLimit('jobSearch')
  @Cacheable({ ttl: 'jobs', scope: 'public', store: true, tags: () => [JOBS_CACHE_TAG] })
  // Below @Cacheable, so they wrap the cache and see cache hits too.
  @UseInterceptors(RecordJobSearchInterceptor, SavedStateInterceptor)
  @ApiOperation({
    summary: 'Search jobs: full text (web-search syntax), filters, facets, keyset pages',
    description:
      'Public (rate-limited per IP); API keys need `jobs:read`. Signed-in callers (bearer token or API key) also get `saved` per job; the shared cached page is the same for everyone and only `saved` is added per caller (`private, no-cache`). `sort=relevance` ranks the newest 2,000 matches (see README "Jobs"). Counts stop at 1,000 ("1,000+").',
  })
  @ApiOkResponse({ type: JobSearchPageDto })
  @ApiProblems(400, 429)
  search(@QueryParams() query: SearchJobsQueryDto): Promise<JobSearchPageDto> {
    return this.queries.execute(
      new SearchJobsQuery({
        q: query.q,
        location: query.location,
        remote: query.remote,
        workplaceType: query.workplaceType,
        employmentType: query.employmentType,
        seniority: query.seniority,
        salaryMin: query.salaryMin,
        salaryCurrency: query.salaryCurrency,
        postedWithinDays: query.postedWithinDays,
        source: query.source,
        company: query.company,
        sort: query.sort,
        facets: query.facets,
        cursor: query.cursor,
        limit: query.limit,
      }),
    );
  }

  @Get('sources')
  @Access('public')
  @ApiKeyScope('jobs:read')
  @Cacheable({ ttl: 'jobs', scope: 'public' })
  @ApiOperation({ summary: 'Job sources: which feed this deployment, and why the others do not' })
  @ApiOkResponse({ type: JobSourceListDto })
  sources(): Promise<JobSourceListDto> {
    return this.queries.execute(new ListJobSourcesQuery());
  }

  @Get(':id')
  @Access('public', { signIn: 'optional' })
  @ApiKeyScope('jobs:read')
  @RateLimit('jobSearch')
  @Cacheable({ ttl: 'jobs', scope: 'public', store: true, tags: () => [JOBS_CACHE_TAG] })
  @UseInterceptors(SavedStateInterceptor)
  @ApiOperation({
    summary: 'One job with every source listing it and the attribution each requires',
    description: 'Public; signed-in callers also get `saved`.',
  })
  @ApiOkResponse({ type: JobDto })
  @ApiProblems(400, 404, 429)
  get(@IdParam() id: string): Promise<JobDto> {
    return this.queries.execute(new GetJobQuery(id));
  }
}
