import { Command } from '@nestjs/cqrs';

export interface RefreshTokensResult {
  refreshed: number;
  reconnectRequired: number;
  expiringWarned: number;
}

/** Worker side: refresh tokens that expire soon; flag those that cannot be refreshed. */
export class RefreshTokensCommand extends Command<RefreshTokensResult> {}
