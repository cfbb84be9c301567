import { Command } from '@nestjs/cqrs';

/** The svix headers of a webhook request (undefined when missing). */
export interface SvixHeaders {
  id?: string;
  timestamp?: string;
  signature?: string;
}

/** A Resend webhook as received: verified against RESEND_WEBHOOK_SECRET, then recorded once. */
export class ReceiveResendWebhookCommand extends Command<{
  duplicate: boolean;
  suppressed: number;
}> {
  constructor(
    readonly rawBody: Buffer,
    readonly headers: SvixHeaders,
  ) {
    super();
  }
}
