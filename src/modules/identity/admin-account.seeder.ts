import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { UnitOfWork } from '@lib/event-store';
import { User } from './entities/user.entity';
import { PasswordHasher } from './password-hasher';

/**
 * Makes sure the admin account from ADMIN_EMAIL exists. Without ADMIN_PASSWORD a
 * password is generated and printed once, on the boot that creates the account.
 */
@Injectable()
export class AdminAccountSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminAccount');

  constructor(
    private readonly config: AppConfig,
    private readonly em: EntityManager,
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const email = this.config.env.ADMIN_EMAIL.toLowerCase();
    if (await this.em.fork().count(User, { email })) return;
    const password = this.config.env.ADMIN_PASSWORD ?? randomBytes(12).toString('base64url');
    try {
      await this.uow.run(async (em) => {
        em.persist(
          User.register({
            email,
            name: 'Administrator',
            role: 'admin',
            passwordHash: await this.hasher.hash(password),
          }),
        );
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return; // another replica won
      throw error;
    }
    if (this.config.env.ADMIN_PASSWORD) {
      this.logger.log(`Admin account ${email} created with ADMIN_PASSWORD`);
    } else {
      // Printed to stdout, not the JSON log, so that log shipping never carries it.
      process.stdout.write(
        `\n  Admin account created: ${email}\n  Password (shown once): ${password}\n\n`,
      );
    }
  }
}
