import { Inject, Injectable } from '@nestjs/common';
import {
  BILLING_PORT,
  BillingRequestError,
  BillingUnavailableError,
  type BillingPort,
} from '@lib/providers';
import { billingProblems } from './billing.problems';

/** The configured driver, or 503 `billing.not_configured` when there is none. */
@Injectable()
export class BillingProvider {
  constructor(@Inject(BILLING_PORT) private readonly port: BillingPort | null) {}

  get configured(): boolean {
    return this.port !== null;
  }

  require(): BillingPort {
    if (!this.port) {
      throw billingProblems.problem(
        'billing.not_configured',
        'Billing is not configured on this server',
      );
    }
    return this.port;
  }

  /** Runs a provider call; its failures become problems (503 unavailable, 502 refused). */
  async call<T>(work: (port: BillingPort) => Promise<T>): Promise<T> {
    const port = this.require();
    try {
      return await work(port);
    } catch (error) {
      throw toProblem(error);
    }
  }
}

export function toProblem(error: unknown): unknown {
  if (error instanceof BillingUnavailableError) {
    return billingProblems.problem(
      'billing.provider_unavailable',
      'The payment provider is unavailable; nothing was changed. Try again shortly.',
      { retryAfter: 5 },
    );
  }
  if (error instanceof BillingRequestError) {
    return billingProblems.problem('billing.provider_refused', error.message);
  }
  return error;
}
