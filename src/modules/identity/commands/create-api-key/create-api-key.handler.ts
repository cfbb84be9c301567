import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { generateApiKeySecret } from '../../api-keys/api-key-secret';
import { ApiKeyDto, type CreatedApiKeyDto } from '../../dto/api-key.dto';
import { ApiKey } from '../../entities/api-key.entity';
import { User } from '../../entities/user.entity';
import { CreateApiKeyCommand } from './create-api-key.command';
import { identityProblems } from '../../identity.problems';

/** Live (not revoked, not expired) keys a user may hold at once. */
export const MAX_LIVE_API_KEYS = 10;

@CommandHandler(CreateApiKeyCommand)
export class CreateApiKeyHandler implements ICommandHandler<CreateApiKeyCommand, CreatedApiKeyDto> {
  constructor(private readonly uow: UnitOfWork) {}

  execute({ userId, name, scopes, expiresAt }: CreateApiKeyCommand): Promise<CreatedApiKeyDto> {
    return this.uow.run(async (em) => {
      // The row lock serialises concurrent creations, so the count below holds.
      const user = await em.findOne(User, userId, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!user) throw Problem.notFound('User');
      const now = new Date();
      const live = await em.count(ApiKey, {
        userId,
        revokedAt: null,
        $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }],
      });
      if (live >= MAX_LIVE_API_KEYS) {
        throw identityProblems.problem(
          'api_key.limit_reached',
          `At most ${MAX_LIVE_API_KEYS} API keys can be active at once; revoke one first`,
          { limit: MAX_LIVE_API_KEYS },
        );
      }
      const { secret, prefix, hash } = generateApiKeySecret();
      const key = ApiKey.issue({ userId, name, prefix, secretHash: hash, scopes, expiresAt });
      em.persist(key);
      return { ...ApiKeyDto.from(key), secret };
    });
  }
}
