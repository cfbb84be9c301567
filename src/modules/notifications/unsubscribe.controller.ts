import { Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, ApiProblems } from '../../common/access.decorator';
import { sendHtml } from '../cv';
import { UnsubscribeCommand } from './commands/unsubscribe/unsubscribe.command';
import { UnsubscribePageQuery } from './queries/unsubscribe-page/unsubscribe-page.query';

const TOKEN_PARAM = {
  name: 'token',
  description: 'The signed token from the List-Unsubscribe header or the email footer',
  example: '0193b0a4-5a7e-7c3e-9a51-3f0b2a6c9d10.newsletter.kZ2…',
};

/**
 * One-click unsubscribe (RFC 8058). Mail clients POST to the link from the
 * List-Unsubscribe header without a login; a person who opens the footer link
 * gets a page whose button does the same POST (a GET alone changes nothing,
 * so link scanners cannot unsubscribe anyone).
 */
@ApiTags('notifications')
@Controller({ path: 'unsubscribe', version: '1' })
export class UnsubscribeController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post(':token')
  @HttpCode(200)
  @Access('public')
  @ApiOperation({
    summary: 'Unsubscribe from one category of email (RFC 8058 one-click)',
    description:
      'Body `List-Unsubscribe=One-Click` (form-encoded), or none. Answers 200 with an empty ' +
      'body; repeating it changes nothing. A malformed or altered token: 400.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiOkResponse({ description: 'Unsubscribed (empty body)' })
  @ApiProblems(400)
  async unsubscribe(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.commands.execute(new UnsubscribeCommand(token));
    void reply.header('Cache-Control', 'no-store');
    return '';
  }

  @Get(':token')
  @Access('public')
  @ApiOperation({
    summary: 'Confirmation page for an unsubscribe link',
    description:
      'A small HTML page, in the user’s language (en, de, es, fr), whose button POSTs to the ' +
      'same URL. Changes nothing by itself.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The confirmation page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400)
  async confirm(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    return sendHtml(reply, await this.queries.execute(new UnsubscribePageQuery(token)));
  }
}
