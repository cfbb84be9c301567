import { Command } from '@nestjs/cqrs';

/** Begins an OAuth flow; returns the provider's authorization URL. */
export class StartOAuthCommand extends Command<string> {
  constructor(
    readonly provider: string,
    /** Set when a signed-in user links the provider to their account from settings. */
    readonly linkUserId?: string,
  ) {
    super();
  }
}
