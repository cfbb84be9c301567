import { renderEmail, type RenderedEmail } from '../mail';

const PLAN_NAMES: Record<string, string> = { pro: 'Pro', premium: 'Premium', free: 'Free' };
const planName = (plan: string | null | undefined) => PLAN_NAMES[plan ?? ''] ?? 'paid';
const day = (date: Date | null | undefined) =>
  date ? date.toUTCString().replace(/ \d\d:\d\d:\d\d GMT$/, '') : 'the end of the period';

/**
 * Emails of billing, in one place so they can move to the notifications
 * module. Links come from configuration (FRONTEND_URL), never from a request.
 * The template names are `billing-<kind>`.
 */
export const billingEmails = {
  subscriptionConfirmed(name: string, plan: string, renewsOn: Date | null, link: string) {
    return renderEmail({
      subject: `Subscription confirmed: Career Tools ${planName(plan)}`,
      greeting: `Hi ${name},`,
      paragraphs: [
        `Thank you! Your ${planName(plan)} plan is active and its features are yours now.`,
        `It renews on ${day(renewsOn)}. Invoices and payment details are in your billing settings.`,
      ],
      action: { label: 'Manage billing', url: link },
    });
  },

  subscriptionCancelled(name: string, plan: string | null, until: Date | null, link: string) {
    return renderEmail({
      subject: 'Your Career Tools subscription was cancelled',
      greeting: `Hi ${name},`,
      paragraphs: [
        `Your ${planName(plan)} subscription is cancelled. You keep its features until ${day(until)}, then your account moves to the Free plan.`,
        'Nothing is deleted: CVs, letters and settings stay; features of the paid plan are simply disabled.',
        'Changed your mind? You can resume the subscription before that date.',
      ],
      action: { label: 'Resume or manage billing', url: link },
    });
  },

  subscriptionEnded(name: string, plan: string | null, link: string) {
    return renderEmail({
      subject: 'Your Career Tools subscription has ended',
      greeting: `Hi ${name},`,
      paragraphs: [
        `Your ${planName(plan)} subscription has ended and your account is on the Free plan.`,
        'Nothing was deleted: paid features (premium templates for new exports, API keys, team seats) are disabled until you subscribe again.',
      ],
      action: { label: 'See plans', url: link },
    });
  },

  paymentFailed(name: string, plan: string | null, graceUntil: Date | null, portalLink: string) {
    return renderEmail({
      subject: 'Payment failed: please update your payment method',
      greeting: `Hi ${name},`,
      paragraphs: [
        `We could not collect the payment for your ${planName(plan)} plan.`,
        `You keep its features until ${day(graceUntil)} while we retry. Update your card in the billing portal to keep them.`,
      ],
      action: { label: 'Update payment method', url: portalLink },
    });
  },

  graceEnded(name: string, plan: string | null, link: string) {
    return renderEmail({
      subject: 'Your plan is paused: payment still missing',
      greeting: `Hi ${name},`,
      paragraphs: [
        `The grace period for your ${planName(plan)} plan ended without a successful payment, so your account is on the Free plan for now.`,
        'Nothing was deleted. Pay the open invoice and the plan comes back at once.',
      ],
      action: { label: 'Pay the open invoice', url: link },
    });
  },

  creditsReceipt(
    name: string,
    credits: number,
    amountCents: number,
    currency: string,
  ): RenderedEmail {
    const amount = `${(amountCents / 100).toFixed(2)} ${currency.toUpperCase()}`;
    return renderEmail({
      subject: `Receipt: ${credits} AI credits`,
      greeting: `Hi ${name},`,
      paragraphs: [
        `Thank you for your purchase of ${credits} AI credits (${amount}).`,
        'They are spent only after your plan’s own AI allowance is used up, and they do not expire.',
      ],
    });
  },
};
