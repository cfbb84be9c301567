import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Patch,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiExtraModels,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { AddToQueueCommand } from './commands/add-to-queue/add-to-queue.command';
import { CreatePostCommand } from './commands/create-post/create-post.command';
import { DeletePostCommand } from './commands/delete-post/delete-post.command';
import { PublishNowCommand } from './commands/publish-now/publish-now.command';
import { UpdatePostCommand } from './commands/update-post/update-post.command';
import { SocialPostMetricsDto } from './dto/social-insights.dto';
import {
  CreateSocialPostDto,
  SocialPostDto,
  SocialPostPageDto,
  SocialPostVariantOutDto,
  UpdateSocialPostDto,
} from './dto/social-post.dto';
import { GetPostQuery } from './queries/get-post/get-post.query';
import { ListPostsQuery } from './queries/list-posts/list-posts.query';
import { PostMetricsQuery } from './queries/post-metrics/post-metrics.query';
import { Idempotent } from '../idempotency';

const SCHEDULING_ERRORS =
  'Validated per network first: 422 `social.post_invalid` names each network and rule broken, ' +
  'and nothing is queued. 403 `plan.quota_exceeded` (scheduledPosts) names the plan that allows more.';

@ApiTags('social')
@ApiExtraModels(SocialPostVariantOutDto)
@Controller({ path: 'social/posts', version: '1' })
@Access('user', { feature: 'socialBasics' })
export class SocialPostsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @RateLimit('socialPosts')
  @ApiKeyScope('social:write')
  @ApiOperation({
    summary: 'Compose a post: a draft, or scheduled per account with `scheduledAt` and `accounts`',
    description: SCHEDULING_ERRORS,
  })
  @ApiCreatedResponse({ type: SocialPostDto })
  @ApiProblems(400, 404, 409, 422)
  create(
    @CurrentPrincipal() actor: Principal,
    @Body() body: CreateSocialPostDto,
  ): Promise<SocialPostDto> {
    return this.commands.execute(new CreatePostCommand(actor, body));
  }

  @Get()
  @ApiKeyScope('social:read')
  @ApiOperation({ summary: 'Your posts and drafts, newest first, with each target’s status' })
  @ApiOkResponse({ type: SocialPostPageDto })
  @ApiProblems(400)
  list(
    @CurrentPrincipal() actor: Principal,
    @QueryParams() query: CursorQueryDto,
  ): Promise<SocialPostPageDto> {
    return this.queries.execute(new ListPostsQuery(actor.userId, query.limit, query.cursor));
  }

  @Get(':id')
  @ApiKeyScope('social:read')
  @ApiOperation({ summary: 'A post with its targets (remote id and URL once published)' })
  @ApiOkResponse({ type: SocialPostDto })
  @ApiProblems(400, 404)
  get(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<SocialPostDto> {
    return this.queries.execute(new GetPostQuery(actor.userId, id));
  }

  @Patch(':id')
  @ApiKeyScope('social:write')
  @ApiOperation({
    summary:
      'Edit or reschedule a post that has not gone out (`scheduledAt: null`: back to a draft)',
    description: `${SCHEDULING_ERRORS} 409 \`social.post_locked\` once a target is publishing or published.`,
  })
  @ApiOkResponse({ type: SocialPostDto })
  @ApiProblems(400, 404, 409, 422)
  update(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
    @Body() body: UpdateSocialPostDto,
  ): Promise<SocialPostDto> {
    return this.commands.execute(new UpdatePostCommand(actor, id, body));
  }

  @Delete(':id')
  @ApiKeyScope('social:write')
  @HttpCode(204)
  @ApiOperation({
    summary:
      'Delete a post here with its targets and metrics (published posts stay on the networks)',
  })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404, 409)
  async remove(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeletePostCommand(actor, id));
  }

  @Post(':id/publish-now')
  @HttpCode(200)
  @RateLimit('socialPosts')
  @ApiKeyScope('social:write')
  @ApiOperation({
    summary: 'Publish to every account now; failed or unconfirmed targets are sent again',
    description: SCHEDULING_ERRORS,
  })
  @ApiOkResponse({ type: SocialPostDto })
  @ApiProblems(400, 404, 409, 422)
  publishNow(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<SocialPostDto> {
    return this.commands.execute(new PublishNowCommand(actor, id));
  }

  @Post(':id/queue')
  @HttpCode(200)
  @ApiKeyScope('social:write')
  @ApiOperation({
    summary: 'Add to queue: each account’s target takes that account’s next free weekly slot',
    description: `${SCHEDULING_ERRORS} 409 \`social.no_free_slot\` when an account has none.`,
  })
  @ApiOkResponse({ type: SocialPostDto })
  @ApiProblems(400, 404, 409, 422)
  addToQueue(@CurrentPrincipal() actor: Principal, @IdParam() id: string): Promise<SocialPostDto> {
    return this.commands.execute(new AddToQueueCommand(actor, id));
  }

  @Get(':id/metrics')
  @ApiKeyScope('social:read')
  @ApiOperation({
    summary: 'Each target’s metric snapshots over time (likes, comments, shares, impressions)',
  })
  @ApiOkResponse({ type: SocialPostMetricsDto })
  @ApiProblems(400, 404)
  metrics(
    @CurrentPrincipal() actor: Principal,
    @IdParam() id: string,
  ): Promise<SocialPostMetricsDto> {
    return this.queries.execute(new PostMetricsQuery(actor.userId, id));
  }
}
