import { Body, Controller, Get, Headers, HttpCode, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { ChangeCancellationCommand } from './commands/change-cancellation/change-cancellation.command';
import { CreateCheckoutCommand } from './commands/create-checkout/create-checkout.command';
import { CreatePortalSessionCommand } from './commands/create-portal-session/create-portal-session.command';
import {
  CheckoutDto,
  CheckoutSessionDto,
  CreditsCheckoutDto,
  InvoicePageDto,
  InvoicesQueryDto,
  PortalDto,
  PortalSessionDto,
  SubscriptionDto,
} from './dto/billing.dto';
import { GetSubscriptionQuery } from './queries/get-subscription/get-subscription.query';
import { ListInvoicesQuery } from './queries/list-invoices/list-invoices.query';
import { Idempotent } from '../idempotency';

const NOT_CONFIGURED =
  '503 `billing.not_configured` when billing is off; 503 `billing.provider_unavailable` when Stripe times out or fails (nothing is created).';
const IDEMPOTENCY_HEADER = ApiHeader({
  name: 'Idempotency-Key',
  required: false,
  description:
    'Send the same key when retrying after a timeout or 503: Stripe returns the same session instead of making another.',
  example: '7f1c0d2e-2a47-4f51-9f0e-5b1b2c3d4e5f',
});

@ApiTags('billing')
@Controller({ path: 'billing', version: '1' })
@Access('user')
export class BillingController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('checkout')
  @Idempotent()
  @IDEMPOTENCY_HEADER
  @ApiOperation({
    summary: 'Start a checkout for Pro or Premium: redirect the browser to the answered url',
    description:
      'Creates the Stripe customer once per account, then a Checkout session (mode subscription, ' +
      '`client_reference_id` = user id). The plan is granted by the webhook, never by the ' +
      'success redirect. With the local driver the url is a confirmation page of this API. ' +
      'An active subscription on the same plan: 409 `billing.already_subscribed`; on the other ' +
      'plan: 409 `billing.use_portal` (plan switches, with proration, happen in the portal). ' +
      'Redirect URLs must be on the frontend origins (400 `billing.redirect_not_allowed`). ' +
      NOT_CONFIGURED,
  })
  @ApiCreatedResponse({ type: CheckoutSessionDto })
  @ApiProblems(400, 409, 422, 503)
  checkout(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CheckoutDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CheckoutSessionDto> {
    return this.commands.execute(
      new CreateCheckoutCommand(
        principal,
        { kind: 'plan', plan: body.plan, interval: body.interval ?? 'month' },
        body.successUrl,
        body.cancelUrl,
        cleanKey(idempotencyKey),
      ),
    );
  }

  @Post('credits/checkout')
  @Idempotent()
  @IDEMPOTENCY_HEADER
  @ApiOperation({
    summary: 'Buy AI credit packs (a one-time payment)',
    description:
      'A Checkout session in mode `payment`. Once paid (webhook), each pack adds ' +
      'BILLING_AI_CREDITS_PER_PACK credits, spent by AI routes after the plan’s hourly AI quota, ' +
      'and a receipt is emailed. 422 `billing.price_not_configured` when packs are not on sale. ' +
      NOT_CONFIGURED,
  })
  @ApiCreatedResponse({ type: CheckoutSessionDto })
  @ApiProblems(400, 422, 503)
  creditsCheckout(
    @CurrentPrincipal() principal: Principal,
    @Body() body: CreditsCheckoutDto,
    @Headers('idempotency-key') idempotencyKey?: string,
  ): Promise<CheckoutSessionDto> {
    return this.commands.execute(
      new CreateCheckoutCommand(
        principal,
        { kind: 'credits', packs: body.packs },
        body.successUrl,
        body.cancelUrl,
        cleanKey(idempotencyKey),
      ),
    );
  }

  @Post('portal')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Open the Stripe Customer Portal: card, invoices, plan switch, cancellation',
    description:
      'A short-lived portal url; changes made there come back as webhooks. 404 ' +
      '`billing.no_customer` before the first checkout. The local driver has no portal: its url ' +
      'is the return URL (use cancel/resume and checkout). ' +
      NOT_CONFIGURED,
  })
  @ApiOkResponse({ type: PortalSessionDto })
  @ApiProblems(400, 404, 503)
  portal(
    @CurrentPrincipal() principal: Principal,
    @Body() body: PortalDto,
  ): Promise<PortalSessionDto> {
    return this.commands.execute(new CreatePortalSessionCommand(principal.userId, body.returnUrl));
  }

  @Get('subscription')
  @ApiOperation({
    summary: 'The caller’s plan and subscription: status, period end, cancellation, grace',
    description: '`status: none` without a subscription. ' + NOT_CONFIGURED,
  })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblems(503)
  subscription(@CurrentPrincipal() principal: Principal): Promise<SubscriptionDto> {
    return this.queries.execute(new GetSubscriptionQuery(principal.userId));
  }

  @Get('invoices')
  @ApiOperation({
    summary: 'The caller’s invoices, newest first (cursor pages)',
    description:
      'Number, amount, currency, status, hosted page and PDF links, period. ' + NOT_CONFIGURED,
  })
  @ApiOkResponse({ type: InvoicePageDto })
  @ApiProblems(400, 503)
  invoices(
    @CurrentPrincipal() principal: Principal,
    @Query() query: InvoicesQueryDto,
  ): Promise<InvoicePageDto> {
    return this.queries.execute(new ListInvoicesQuery(principal.userId, query.limit, query.cursor));
  }

  @Post('subscription/cancel')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Cancel at the end of the period (the plan stays until then)',
    description:
      'Sets `cancel_at_period_end`; a cancellation email follows. 404 `billing.no_subscription` ' +
      'without an active one. ' +
      NOT_CONFIGURED,
  })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblems(404, 503)
  cancel(@CurrentPrincipal() principal: Principal): Promise<SubscriptionDto> {
    return this.commands.execute(new ChangeCancellationCommand(principal.userId, true));
  }

  @Post('subscription/resume')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Undo a cancellation at period end (before the period ends)',
    description: 'Clears `cancel_at_period_end`. ' + NOT_CONFIGURED,
  })
  @ApiOkResponse({ type: SubscriptionDto })
  @ApiProblems(404, 503)
  resume(@CurrentPrincipal() principal: Principal): Promise<SubscriptionDto> {
    return this.commands.execute(new ChangeCancellationCommand(principal.userId, false));
  }
}

/** A usable client key (printable, bounded) or none. */
function cleanKey(key: string | undefined): string | undefined {
  return key && /^[\x21-\x7e]{1,200}$/.test(key) ? key : undefined;
}
