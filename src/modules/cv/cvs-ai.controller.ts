import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query as QueryParams,
  Res,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { ApplySuggestionCommand } from './commands/apply-suggestion/apply-suggestion.command';
import { DismissSuggestionCommand } from './commands/dismiss-suggestion/dismiss-suggestion.command';
import { EnhanceSectionCommand } from './commands/enhance-section/enhance-section.command';
import {
  AiSuggestionDto,
  AiSuggestionPageDto,
  EnhanceResultDto,
  EnhanceSectionDto,
} from './dto/cv-ai.dto';
import { CvDto } from './dto/cv.dto';
import { ListSuggestionsQuery } from './queries/list-suggestions/list-suggestions.query';
import { etag } from './versions/if-match';
import { PROVIDER_ERRORS } from './ai/provider-errors';

const SuggestionIdParam = (): ParameterDecorator =>
  Param('sid', new ParseUUIDPipe({ version: '7' }));

/**
 * `/v1/cvs/{id}/ai`: AI suggestions for a CV's texts, applied as normal versioned changes.
 * Pro and premium only. Skills suggestions without a CV are in ai.controller.ts.
 */
@ApiTags('ai')
@Controller({ path: 'cvs/:id/ai', version: '1' })
@Access('user', { feature: 'aiEnhancement' })
export class CvAiController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('enhance')
  @HttpCode(200)
  @RateLimit('ai')
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary:
      'Ask the AI writer for rewrites of a section (or one item); kept as pending suggestions',
    description:
      'Only prose is rewritten (summaries, highlights, descriptions), in the CV’s language. ' +
      'Each suggestion has a JSON Pointer `path` into the document; apply it with ' +
      '`POST /v1/cvs/{id}/ai/suggestions/{sid}/apply`. No text to work on: 422 `ai.nothing_to_enhance`; ' +
      `unknown item: 422 \`ai.item_not_found\`. ${PROVIDER_ERRORS}`,
  })
  @ApiOkResponse({ type: EnhanceResultDto })
  @ApiProblems(400, 404, 422, 503)
  enhance(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: EnhanceSectionDto,
  ): Promise<EnhanceResultDto> {
    return this.commands.execute(
      new EnhanceSectionCommand(principal, id, body.section, body.itemId, body.tone),
    );
  }

  @Get('suggestions')
  @ApiKeyScope('cv:read')
  @ApiOperation({ summary: 'The CV’s pending AI suggestions, newest first' })
  @ApiOkResponse({ type: AiSuggestionPageDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<AiSuggestionPageDto> {
    return this.queries.execute(new ListSuggestionsQuery(principal, id, query.limit, query.cursor));
  }

  @Post('suggestions/:sid/apply')
  @HttpCode(200)
  @ApiKeyScope('cv:write')
  @ApiOperation({
    summary: 'Apply a suggestion: a new CV version with the suggested text',
    description:
      'A JSON Patch that tests the original text and replaces it. The text changed since the ' +
      'suggestion was made: 409 `ai.suggestion_stale` and nothing changes. Already applied or ' +
      'dismissed: 409 `ai.suggestion_not_pending`.',
  })
  @ApiOkResponse({ type: CvDto, headers: { ETag: { description: 'The new version' } } })
  @ApiProblems(400, 404, 409)
  async apply(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @SuggestionIdParam() sid: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CvDto> {
    const cv = await this.commands.execute(new ApplySuggestionCommand(principal, id, sid));
    void reply.header('ETag', etag(cv.version));
    return cv;
  }

  @Post('suggestions/:sid/dismiss')
  @HttpCode(200)
  @ApiKeyScope('cv:write')
  @ApiOperation({ summary: 'Dismiss a suggestion (409 `ai.suggestion_not_pending` if decided)' })
  @ApiOkResponse({ type: AiSuggestionDto })
  @ApiProblems(400, 404, 409)
  dismiss(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @SuggestionIdParam() sid: string,
  ): Promise<AiSuggestionDto> {
    return this.commands.execute(new DismissSuggestionCommand(principal, id, sid));
  }
}
