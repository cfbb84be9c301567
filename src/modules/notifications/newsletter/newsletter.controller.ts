import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../../common/access.decorator';
import { sendHtml } from '../../cv';
import { UnsubscribeNewsletterSubscriberCommand } from './commands/unsubscribe-subscriber/unsubscribe-subscriber.command';
import { ConfirmNewsletterSubscriptionCommand } from './commands/confirm-subscription/confirm-subscription.command';
import { SubscribeToNewsletterCommand } from './commands/subscribe/subscribe.command';
import {
  ConfirmSubscriptionDto,
  NewsletterTopicListDto,
  SubscribeAcceptedDto,
  SubscribeDto,
  NewsletterSubscriptionDto,
} from './dto/newsletter.dto';
import { newsletterProblems } from './newsletter.problems';
import { NEWSLETTER_TOPICS } from './newsletter-topics';
import { NewsletterUnsubscribeLinks } from './newsletter-unsubscribe-links';

const TOKEN_PARAM = {
  name: 'token',
  description: 'The signed token from the List-Unsubscribe header or the newsletter footer',
  example: '0193b0a4-5a7e-7c3e-9a51-3f0b2a6c9d10.kZ2…',
};

@ApiTags('newsletter')
@Controller({ path: 'newsletter', version: '1' })
@Access('public')
export class NewsletterController {
  constructor(
    private readonly commands: CommandBus,
    private readonly links: NewsletterUnsubscribeLinks,
  ) {}

  @Get('topics')
  @ApiOperation({ summary: 'The newsletter topics one can subscribe to' })
  @ApiOkResponse({ type: NewsletterTopicListDto })
  topics(): NewsletterTopicListDto {
    return { items: NEWSLETTER_TOPICS.map((topic) => ({ ...topic })) };
  }

  @Post('subscribe')
  @HttpCode(202)
  @RateLimit('auth')
  @ApiOperation({
    summary: 'Subscribe an address to the newsletter (double opt-in)',
    description:
      'Emails a confirmation link to `FRONTEND_URL/newsletter/confirm?token=…`; the frontend ' +
      'posts the token to `POST /v1/newsletter/confirm`. Nothing is sent before that. The ' +
      'answer is the same for every address. Signed-in users choose the newsletter in their ' +
      'notification preferences instead.',
  })
  @ApiAcceptedResponse({ type: SubscribeAcceptedDto })
  @ApiProblems(400, 429)
  async subscribe(@Body() body: SubscribeDto): Promise<SubscribeAcceptedDto> {
    await this.commands.execute(new SubscribeToNewsletterCommand(body.email, body.topics ?? []));
    return { status: 'confirmation_sent' };
  }

  @Post('confirm')
  @HttpCode(200)
  @RateLimit('auth')
  @ApiOperation({ summary: 'Confirm a newsletter subscription with the emailed token' })
  @ApiOkResponse({ type: NewsletterSubscriptionDto })
  @ApiProblems(400, 429)
  confirm(@Body() body: ConfirmSubscriptionDto): Promise<NewsletterSubscriptionDto> {
    return this.commands.execute(new ConfirmNewsletterSubscriptionCommand(body.token));
  }

  @Post('unsubscribe/:token')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Unsubscribe a visitor from the newsletter (RFC 8058 one-click)',
    description:
      'The link of the `List-Unsubscribe` header of every campaign email: body ' +
      '`List-Unsubscribe=One-Click` (form-encoded) or none, no login. Answers 200 with an ' +
      'empty body and ends the subscription (all topics); repeating it changes nothing.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiOkResponse({ description: 'Unsubscribed (empty body)' })
  @ApiProblems(400)
  async unsubscribe(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    await this.commands.execute(new UnsubscribeNewsletterSubscriberCommand(token));
    void reply.header('Cache-Control', 'no-store');
    return '';
  }

  @Get('unsubscribe/:token')
  @ApiOperation({
    summary: 'Confirmation page for a newsletter unsubscribe link',
    description: 'A small HTML page whose button POSTs to the same URL. Changes nothing by itself.',
  })
  @ApiParam(TOKEN_PARAM)
  @ApiProduces('text/html')
  @ApiOkResponse({
    description: 'The confirmation page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(400)
  confirmUnsubscribe(
    @Param('token') token: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): string {
    if (!this.links.verify(token)) {
      throw newsletterProblems.problem(
        'newsletter.invalid_unsubscribe_link',
        'The unsubscribe link is not valid.',
      );
    }
    const action = `/v1/newsletter/unsubscribe/${encodeURIComponent(token)}`;
    return sendHtml(
      reply,
      '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Unsubscribe</title>' +
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head><body>' +
        '<h1>Unsubscribe from the newsletter?</h1>' +
        '<p>You will no longer get the Career Tools newsletter at this address.</p>' +
        `<form method="post" action="${action}">` +
        '<input type="hidden" name="List-Unsubscribe" value="One-Click">' +
        '<button type="submit">Unsubscribe</button></form></body></html>',
    );
  }
}
