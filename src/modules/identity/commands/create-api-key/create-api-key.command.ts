import { Command } from '@nestjs/cqrs';
import type { ApiKeyScopeName } from '@lib/authz';
import type { CreatedApiKeyDto } from '../../dto/api-key.dto';

export class CreateApiKeyCommand extends Command<CreatedApiKeyDto> {
  constructor(
    readonly userId: string,
    readonly name: string,
    readonly scopes: ApiKeyScopeName[],
    readonly expiresAt: Date | null,
  ) {
    super();
  }
}
