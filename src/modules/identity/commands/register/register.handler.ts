import { UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Problem } from '@lib/problems';
import { UnitOfWork } from '@lib/event-store';
import type { RegisteredDto } from '../../dto/account.dto';
import { User } from '../../entities/user.entity';
import { EmailVerification } from '../../email-verification';
import { PasswordHasher } from '../../password-hasher';
import { MeView } from '../../profile/me-view';
import {
  canonicalLocale,
  canonicalTimeZone,
  localeFromAcceptLanguage,
} from '../../profile/locale-and-zone';
import { SessionService } from '../../sessions/session.service';
import { RegisterCommand } from './register.command';

const emailTaken = () =>
  Problem.conflict('auth.email_taken', 'An account with this email already exists');

@CommandHandler(RegisterCommand)
export class RegisterHandler implements ICommandHandler<RegisterCommand, RegisteredDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly hasher: PasswordHasher,
    private readonly sessions: SessionService,
    private readonly verification: EmailVerification,
    private readonly view: MeView,
  ) {}

  async execute(command: RegisterCommand): Promise<RegisteredDto> {
    const passwordHash = await this.hasher.hash(command.password);
    try {
      return await this.uow.run(async (em, events) => {
        const email = command.email.trim().toLowerCase();
        if (await em.count(User, { email })) throw emailTaken();
        const user = User.register({
          email,
          passwordHash,
          name: command.name.trim(),
          locale:
            canonicalLocale(command.locale.locale) ??
            localeFromAcceptLanguage(command.locale.acceptLanguage),
          timezone: canonicalTimeZone(command.locale.timezone),
        });
        em.persist(user);
        await this.verification.send(em, user);
        const tokens = await this.sessions.start(em, events, user, command.client);
        return { user: this.view.of(user), ...tokens };
      });
    } catch (error) {
      // Two sign-ups racing for one address: the unique index decides.
      if (error instanceof UniqueConstraintViolationException) throw emailTaken();
      throw error;
    }
  }
}
