import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EMPLOYMENT_TYPES, SENIORITIES, WORKPLACE_TYPES } from '@lib/providers';

export class JobSalaryDto {
  @ApiPropertyOptional({ nullable: true, type: Number, example: 60000 })
  min!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 72000 })
  max!: number | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'EUR' })
  currency!: string | null;

  @ApiProperty({ enum: ['year', 'month', 'week', 'day', 'hour'], example: 'year' })
  interval!: string;

  @ApiProperty({ example: false, description: 'The source’s estimate, not an advertised figure.' })
  isEstimated!: boolean;

  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    example: 66000,
    description: 'Yearly midpoint.',
  })
  annual!: number | null;
}

export class JobSourceLinkDto {
  @ApiProperty({ example: 'remotive' })
  source!: string;

  @ApiProperty({ example: 'https://remotive.com/remote-jobs/software-dev/backend-engineer-123' })
  url!: string;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://acme.example.com/careers/123/apply',
  })
  applyUrl!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'Remotive',
    description: 'Attribution the source’s terms require: show it with a link to `attributionUrl`.',
  })
  attribution!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    example: 'https://remotive.com/remote-jobs/software-dev/backend-engineer-123',
  })
  attributionUrl!: string | null;

  @ApiProperty({ format: 'date-time' })
  postedAt!: string;
}

export class JobHighlightsDto {
  @ApiProperty({
    example: 'Senior <mark>Backend</mark> Engineer',
    description: 'Title with matched terms in <mark>…</mark>.',
  })
  title!: string;

  @ApiProperty({ example: '…build <mark>backend</mark> services with TypeScript…' })
  description!: string;
}

export class JobSummaryDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ example: 'Senior Backend Engineer' })
  title!: string;

  @ApiProperty({ example: 'Acme Analytics' })
  company!: string;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'Berlin, Germany' })
  location!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: 'DE' })
  country!: string | null;

  @ApiProperty({ example: false })
  remote!: boolean;

  @ApiPropertyOptional({ nullable: true, enum: WORKPLACE_TYPES, type: String, example: 'hybrid' })
  workplaceType!: string | null;

  @ApiPropertyOptional({
    nullable: true,
    enum: EMPLOYMENT_TYPES,
    type: String,
    example: 'full_time',
  })
  employmentType!: string | null;

  @ApiPropertyOptional({ nullable: true, enum: SENIORITIES, type: String, example: 'senior' })
  seniority!: string | null;

  @ApiPropertyOptional({ nullable: true, type: JobSalaryDto })
  salary!: JobSalaryDto | null;

  @ApiProperty({ type: [String], example: ['engineering', 'typescript'] })
  tags!: string[];

  @ApiProperty({ format: 'date-time', description: 'When the (earliest) source posted it, UTC.' })
  postedAt!: string;

  @ApiProperty({ format: 'date-time', description: 'When we first ingested it, UTC.' })
  firstSeenAt!: string;

  @ApiProperty({
    type: [JobSourceLinkDto],
    description: 'Every source listing this job, with attribution.',
  })
  sources!: JobSourceLinkDto[];

  @ApiPropertyOptional({ nullable: true, type: JobHighlightsDto, description: 'With `q` only.' })
  highlights!: JobHighlightsDto | null;

  @ApiPropertyOptional({
    example: true,
    description: 'Signed-in callers only: whether the job is in your saved jobs.',
  })
  saved?: boolean;
}

export class JobDto extends JobSummaryDto {
  @ApiPropertyOptional({ nullable: true, type: String, example: 'https://acme.example.com' })
  companyUrl!: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  companyLogoUrl!: string | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 52.52 })
  latitude!: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, example: 13.405 })
  longitude!: number | null;

  @ApiProperty({ example: '<p>Acme is hiring…</p>', description: 'Sanitized HTML.' })
  descriptionHtml!: string;

  @ApiProperty({ example: 'Acme is hiring…' })
  descriptionText!: string;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' })
  expiresAt!: string | null;

  @ApiProperty({ enum: ['active', 'expired'], example: 'active' })
  status!: string;
}

export class FacetValueDto {
  @ApiProperty({ example: 'full_time' })
  value!: string;

  @ApiProperty({
    example: 412,
    description:
      'Matches with this value among the first 1,000 matches found of the search without its facet ' +
      'filters, under every other facet filter. Exact while the search matches fewer than 1,000 ' +
      'postings; otherwise a lower bound.',
  })
  count!: number;

  @ApiProperty({
    example: '412',
    description: 'The count for display; ends in "+" when it is a lower bound ("412+").',
  })
  label!: string;
}

export class JobFacetsDto {
  @ApiProperty({ type: [FacetValueDto] })
  employmentType!: FacetValueDto[];

  @ApiProperty({ type: [FacetValueDto] })
  seniority!: FacetValueDto[];

  @ApiProperty({ type: [FacetValueDto] })
  workplaceType!: FacetValueDto[];

  @ApiProperty({ type: [FacetValueDto] })
  source!: FacetValueDto[];
}

export class JobTotalDto {
  @ApiProperty({ example: 1000, description: 'Matches, counted up to 1,000.' })
  value!: number;

  @ApiProperty({ example: true, description: 'More than `value` match.' })
  capped!: boolean;

  @ApiProperty({ example: '1,000+' })
  label!: string;
}

export class JobSearchPageDto {
  @ApiProperty({ type: [JobSummaryDto] })
  items!: JobSummaryDto[];

  @ApiPropertyOptional({ nullable: true, type: String, example: null })
  nextCursor!: string | null;

  @ApiProperty({ type: JobTotalDto })
  total!: JobTotalDto;

  @ApiPropertyOptional({
    nullable: true,
    type: JobFacetsDto,
    description: 'Null with `facets=false`.',
  })
  facets!: JobFacetsDto | null;

  @ApiProperty({
    enum: ['relevance', 'newest', 'salary'],
    example: 'relevance',
    description: 'The sort applied.',
  })
  sort!: string;
}
