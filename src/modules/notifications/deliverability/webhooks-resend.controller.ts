import { Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../../common/access.decorator';
import { KeepRawBody, RawBody } from '../../../common/raw-body';
import { ReceiveResendWebhookCommand } from './commands/record-resend-event/receive-resend-webhook.command';
import { WebhookReceiptDto } from './dto/suppression.dto';

@ApiTags('webhooks')
@Controller({ path: 'webhooks/resend', version: '1' })
export class WebhooksResendController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Access('public')
  @KeepRawBody()
  @ApiOperation({
    summary: 'Resend delivery events (svix-signed): bounces and complaints suppress the address',
    description:
      'Point a Resend webhook here with the events `email.bounced`, `email.complained`, ' +
      '`email.delivered` and `email.delivery_delayed`, and set its signing secret as ' +
      '`RESEND_WEBHOOK_SECRET`. The signature covers the exact body bytes; a bad or stale one is ' +
      '400 and changes nothing. A permanent bounce or a complaint puts the recipient on the ' +
      'suppression list (`GET /v1/admin/suppressions`), which every non-critical send checks. ' +
      'Each svix-id is processed once; redeliveries answer 200 with `duplicate: true`.',
  })
  @ApiHeader({ name: 'svix-id', required: true, example: 'msg_2p5x1Q0u3L8gY0X9pQ2f4u1dC5a' })
  @ApiHeader({ name: 'svix-timestamp', required: true, example: '1764687600' })
  @ApiHeader({
    name: 'svix-signature',
    required: true,
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  })
  @ApiBody({
    description: 'A Resend webhook event',
    schema: {
      type: 'object',
      required: ['type', 'data'],
      properties: {
        type: { type: 'string', example: 'email.bounced' },
        created_at: { type: 'string', format: 'date-time' },
        data: { type: 'object', additionalProperties: true },
      },
      example: {
        type: 'email.bounced',
        created_at: '2026-12-02T15:00:00.000Z',
        data: {
          email_id: '56761188-7520-42d8-8898-ff6fc54ce618',
          from: 'Career Tools <noreply@career-tools.app>',
          to: ['gone@example.com'],
          subject: 'Your job alert',
          bounce: { type: 'Permanent', subType: 'General', message: '550 5.1.1 No such user' },
        },
      },
    },
  })
  @ApiOkResponse({ type: WebhookReceiptDto })
  @ApiProblems(400, 503)
  async receive(
    @RawBody() rawBody: Buffer,
    @Headers('svix-id') id?: string,
    @Headers('svix-timestamp') timestamp?: string,
    @Headers('svix-signature') signature?: string,
  ): Promise<WebhookReceiptDto> {
    const { duplicate } = await this.commands.execute(
      new ReceiveResendWebhookCommand(rawBody, { id, timestamp, signature }),
    );
    return { received: true, duplicate };
  }
}
