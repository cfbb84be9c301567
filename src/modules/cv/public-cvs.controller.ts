import { Controller, Get, Param, Query as QueryParams, Req, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiExtraModels,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { OpenSharedCvCommand } from './commands/open-shared-cv/open-shared-cv.command';
import { PublicCvDto, PublicCvQueryDto } from './dto/cv-share.dto';
import { CvRenderCache } from './exports/cv-render-cache';
import { sendHtml, sendPdf } from './exports/responses';
import { cvFileName } from './rendering/download-name';
import { CvRenderingService } from './rendering/cv-rendering.service';

@ApiTags('public')
@ApiExtraModels(PublicCvDto)
@Controller({ path: 'public/cvs', version: '1' })
@Access('public')
export class PublicCvsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly rendering: CvRenderingService,
    private readonly cache: CvRenderCache,
  ) {}

  @Get(':slug')
  @RateLimit('publicCv')
  @ApiParam({ name: 'slug', description: 'From the share link', example: 'q3mZ0c1Yh8xJ5n2QkP7tRw' })
  @ApiHeader({
    name: 'X-Share-Password',
    required: false,
    description:
      'The password of a password-protected link (a header keeps it out of URLs and logs)',
  })
  @ApiOperation({
    summary: 'A shared CV, without signing in: HTML page (default), PDF or JSON',
    description:
      'Unknown or revoked link: 404; expired: 410 `cv_share.expired`; password-protected: 401 ' +
      '`cv_share.password_required` without `X-Share-Password`, 403 `cv_share.password_invalid` when ' +
      'wrong. HTML is served with a strict Content-Security-Policy (no scripts, no requests); the PDF ' +
      'comes from the same cache as `GET /v1/cvs/{id}/pdf`. Views (html, json) and downloads (pdf) ' +
      'count once per visitor a day.',
  })
  @ApiOkResponse({
    description: 'HTML (default), PDF with `format=pdf`, JSON with `format=json`',
    content: {
      'text/html': { schema: { type: 'string' } },
      'application/pdf': { schema: { type: 'string', format: 'binary' } },
      'application/json': { schema: { $ref: getSchemaPath(PublicCvDto) } },
    },
  })
  @ApiProblems(400, 401, 403, 404, 410, 429, 503)
  async open(
    @Param('slug') slug: string,
    @QueryParams() query: PublicCvQueryDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<PublicCvDto | string | Buffer> {
    const password = request.headers['x-share-password'];
    const shared = await this.commands.execute(
      new OpenSharedCvCommand(
        slug,
        typeof password === 'string' ? password : undefined,
        { ip: request.ip, userAgent: request.headers['user-agent'] ?? '' },
        { kind: query.format === 'pdf' ? 'download' : 'view', format: query.format },
      ),
    );
    const { document, layout } = shared.view;
    if (query.format === 'json') return shared.view;
    if (query.format === 'html') return sendHtml(reply, this.rendering.html(document, layout));
    const pdf = await this.cache.get({
      ownerId: shared.ownerId,
      cvId: shared.cvId,
      document,
      layout,
      format: 'pdf',
    });
    return sendPdf(reply, pdf.body, cvFileName(document.basics?.name, 'pdf'), 'inline', pdf.cached);
  }
}
