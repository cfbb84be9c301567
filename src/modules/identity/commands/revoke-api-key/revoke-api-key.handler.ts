import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { ApiKey } from '../../entities/api-key.entity';
import { RevokeApiKeyCommand } from './revoke-api-key.command';

/** Someone else's key id is a 404, exactly like an id that does not exist. */
@CommandHandler(RevokeApiKeyCommand)
export class RevokeApiKeyHandler implements ICommandHandler<RevokeApiKeyCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ userId, apiKeyId }: RevokeApiKeyCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const key = await em.findOne(ApiKey, { id: apiKeyId, userId });
      if (!key) throw Problem.notFound('API key');
      key.revoke();
    });
  }
}
