import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query as QueryParams,
} from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { CursorQueryDto } from '../../common/pagination';
import { Idempotent } from '../idempotency';
import { ShareDocumentCommand } from './commands/share-document/share-document.command';
import { TransferDocumentCommand } from './commands/transfer-document/transfer-document.command';
import { UnshareDocumentCommand } from './commands/unshare-document/unshare-document.command';
import { ShareDocumentDto, TeamDocumentDto, TeamDocumentListDto } from './dto/team-document.dto';
import { ListDocumentsQuery } from './queries/list-documents/list-documents.query';
import { UuidParam } from './team-params';

/** `/v1/teams/{id}/documents`: CVs and cover letters shared with the team. */
@ApiTags('teams')
@Controller({ path: 'teams/:id/documents', version: '1' })
@Access('user')
export class TeamsDocumentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Idempotent()
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Share one of your CVs or cover letters with the team',
    description:
      '`view`: members read the CV through the CV routes (`GET /v1/cvs/{id}`, versions, diff) ' +
      'or the cover letter through `GET /v1/cover-letters/{id}` (and its export); `edit`: they ' +
      'also change it (`PATCH /v1/cvs/{id}`, `PATCH /v1/cover-letters/{id}`), and each version ' +
      'records who edited (CV versions’ `actor`, the letter’s `updatedBy`). ' +
      'Deleting stays the owner’s. Someone else’s document: 404 `teams.document_not_found`.',
  })
  @ApiCreatedResponse({ type: TeamDocumentDto })
  @ApiProblems(400, 403, 404, 409)
  share(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @Body() body: ShareDocumentDto,
  ): Promise<TeamDocumentDto> {
    return this.commands.execute(
      new ShareDocumentCommand(principal, id, body.type, body.documentId, body.permission),
    );
  }

  @Get()
  @ApiKeyScope('teams:read')
  @ApiOperation({ summary: 'The documents shared with the team, newest share first' })
  @ApiOkResponse({ type: TeamDocumentListDto })
  @ApiProblems(400, 404)
  list(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @QueryParams() query: CursorQueryDto,
  ): Promise<TeamDocumentListDto> {
    return this.queries.execute(
      new ListDocumentsQuery(principal.userId, id, query.limit, query.cursor),
    );
  }

  @Delete(':shareId')
  @HttpCode(204)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Stop sharing a document (who shared it, an admin or the owner)',
    description: 'Members lose access with their next request.',
  })
  @ApiNoContentResponse({ description: 'No longer shared' })
  @ApiProblems(400, 403, 404)
  async unshare(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('shareId') shareId: string,
  ): Promise<void> {
    await this.commands.execute(new UnshareDocumentCommand(principal.userId, id, shareId));
  }

  @Post(':shareId/transfer')
  @HttpCode(200)
  @ApiKeyScope('teams:write')
  @ApiOperation({
    summary: 'Hand a CV or cover letter you shared to the team',
    description:
      'The document becomes the team owner’s (a CV keeps its versions, copied under the new ' +
      'owner’s key so they stay readable), so it stays with the team when your account is ' +
      'deleted; a document shared but not handed over goes with your account. Only the member ' +
      'who shared it; the team’s owner has nothing to hand over (409 ' +
      '`teams.transfer_not_possible`).',
  })
  @ApiOkResponse({ type: TeamDocumentDto })
  @ApiProblems(400, 403, 404, 409)
  transfer(
    @CurrentPrincipal() principal: Principal,
    @IdParam() id: string,
    @UuidParam('shareId') shareId: string,
  ): Promise<TeamDocumentDto> {
    return this.commands.execute(new TransferDocumentCommand(principal.userId, id, shareId));
  }
}
