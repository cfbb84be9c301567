import { Command } from '@nestjs/cqrs';

/** The provider's redirect back to us: `code` + `state`, or `error`. */
export interface OAuthCallbackParams {
  code?: string;
  state?: string;
  error?: string;
}

/** Finishes an OAuth flow; returns the frontend URL to redirect the browser to. */
export class CompleteOAuthCommand extends Command<string> {
  constructor(
    readonly provider: string,
    readonly params: OAuthCallbackParams,
    readonly ip: string,
    /** The nonce cookie the browser sent back; must match the one set when the flow started. */
    readonly nonce: string | undefined,
    /** The browser's `Accept-Language`: a new account's language. */
    readonly acceptLanguage?: string,
  ) {
    super();
  }
}
