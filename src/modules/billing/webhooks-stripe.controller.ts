import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyRequest } from 'fastify';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { KeepRawBody, RawBody } from '../../common/raw-body';
import { ReceiveWebhookCommand } from './commands/receive-webhook/receive-webhook.command';
import { WebhookAckDto } from './dto/billing.dto';

/** The one endpoint Stripe calls for every event. */
@ApiTags('billing')
@Controller({ path: 'webhooks/stripe', version: '1' })
export class WebhooksStripeController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Access('public')
  @HttpCode(200)
  @KeepRawBody()
  @ApiHeader({
    name: 'Stripe-Signature',
    required: true,
    description: 't=<timestamp>,v1=<HMAC-SHA256 of "t.rawBody" with STRIPE_WEBHOOK_SECRET>',
    example: 't=1733140000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd',
  })
  @ApiBody({
    description: 'A Stripe event, verified on the raw bytes',
    schema: {
      type: 'object',
      example: {
        id: 'evt_1Nv2',
        object: 'event',
        type: 'customer.subscription.updated',
        created: 1733140000,
        data: { object: { id: 'sub_1Nv2', object: 'subscription' } },
      },
    },
  })
  @ApiOperation({
    summary: 'Stripe webhook: every event type, one endpoint',
    description:
      'Verifies `Stripe-Signature` on the raw body (tolerance STRIPE_WEBHOOK_TOLERANCE_SECONDS, ' +
      'default 300 s): a bad one is 400 `billing.webhook_signature_invalid` and a security event. ' +
      'The event id is recorded once and a job processes it (it fetches the current object from ' +
      'Stripe, so order and repeats do not matter); 200 as soon as it is recorded, 503 when it ' +
      'could not be (Stripe retries). Handles checkout.session.completed, ' +
      'customer.subscription.created/updated/deleted, invoice.paid, invoice.payment_succeeded, ' +
      'invoice.payment_failed and customer.created; other types are recorded and ignored.',
  })
  @ApiOkResponse({ type: WebhookAckDto })
  @ApiProblems(400, 503)
  async receive(
    @RawBody() rawBody: Buffer,
    @Req() request: FastifyRequest,
    @Headers('stripe-signature') signature?: string,
  ): Promise<WebhookAckDto> {
    await this.commands.execute(new ReceiveWebhookCommand(rawBody, signature, request.ip));
    return { received: true };
  }
}
