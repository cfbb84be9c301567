import { Controller, Get, Header, Param, Post, Redirect, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Access, ApiProblems } from '../../common/access.decorator';
import { ConfirmLocalCheckoutCommand } from './commands/confirm-local-checkout/confirm-local-checkout.command';
import type { LocalCheckoutView } from './queries/get-local-checkout/get-local-checkout.handler';
import { GetLocalCheckoutQuery } from './queries/get-local-checkout/get-local-checkout.query';

const SESSION_PARAM = ApiParam({
  name: 'sessionId',
  description: 'The local checkout session id (unguessable; it is the only credential here)',
  example: 'cs_local_4f9a2b7c1d3e5f6a7b8c9d0e',
});
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'";

/**
 * The local driver's checkout page (BILLING_DRIVER=local, never in production):
 * what Stripe Checkout would show, with one button that pays.
 */
@ApiTags('billing')
@Controller({ path: 'billing/local/checkout', version: '1' })
@Access('public')
export class BillingLocalCheckoutController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get(':sessionId')
  @Header('Cache-Control', 'no-store')
  @Header('Content-Security-Policy', PAGE_CSP)
  @SESSION_PARAM
  @ApiOperation({
    summary: 'Local driver: the checkout confirmation page (HTML)',
    description:
      'Shows what the session sells and a "Confirm payment" button posting to ./confirm. ' +
      '404 `billing.checkout_not_found` for an unknown session or without the local driver.',
  })
  @ApiOkResponse({
    description: 'The page',
    content: { 'text/html': { schema: { type: 'string' } } },
  })
  @ApiProblems(404, 503)
  async page(
    @Param('sessionId') sessionId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const view: LocalCheckoutView = await this.queries.execute(
      new GetLocalCheckoutQuery(sessionId),
    );
    void reply.type('text/html; charset=utf-8');
    return renderPage(view);
  }

  @Post(':sessionId/confirm')
  @Redirect()
  @Header('Cache-Control', 'no-store')
  @SESSION_PARAM
  @ApiOperation({
    summary: 'Local driver: pay the session, then redirect to its success URL',
    description:
      'Completes the session as Stripe would and feeds the same events (checkout.session.completed, ' +
      'customer.subscription.created, invoice.paid) through the webhook engine and processor. ' +
      'Confirming twice changes nothing more.',
  })
  @ApiResponse({
    status: 303,
    description: 'To the success URL given at checkout',
    headers: { Location: { schema: { type: 'string', format: 'uri' } } },
  })
  @ApiProblems(404, 503)
  async confirm(
    @Param('sessionId') sessionId: string,
  ): Promise<{ url: string; statusCode: number }> {
    const url: string = await this.commands.execute(new ConfirmLocalCheckoutCommand(sessionId));
    return { url, statusCode: 303 };
  }
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function renderPage(view: LocalCheckoutView): string {
  const id = encodeURIComponent(view.sessionId);
  const action = view.open
    ? `<form method="post" action="${escapeHtml(id)}/confirm"><button type="submit">Confirm payment</button></form>`
    : '<p>This checkout is already complete.</p>';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Local checkout</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}
.note{background:#fff3cd;padding:.75rem;border-radius:.5rem}button{font-size:1.1rem;padding:.6rem 1.4rem}</style>
</head><body>
<p class="note">Local billing driver: no money moves. Stripe Checkout replaces this page in production.</p>
<h1>${escapeHtml(view.description)}</h1>
<p>Total: <strong>${escapeHtml(view.amount)}</strong></p>
${action}
</body></html>`;
}
