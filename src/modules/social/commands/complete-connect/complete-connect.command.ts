import { Command } from '@nestjs/cqrs';

/** The network's redirect back: answers where to send the browser (the frontend, with the outcome). */
export class CompleteConnectCommand extends Command<string> {
  constructor(
    readonly network: string,
    readonly params: { code?: string; state?: string; error?: string },
  ) {
    super();
  }
}
