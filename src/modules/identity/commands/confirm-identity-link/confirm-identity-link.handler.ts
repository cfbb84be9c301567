import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { Problem } from '@lib/problems';
import { IdentityMail } from '../../emails/identity-mail';
import { Reauthentication } from '../../accounts/reauthentication';
import { LinkedIdentityDto } from '../../dto/oauth.dto';
import { identityEmails } from '../../emails/identity-emails';
import { UserIdentity } from '../../entities/user-identity.entity';
import { OAuthFlowStore } from '../../oauth/oauth-flow-store';
import { addIdentity } from '../../oauth/link-identity';
import { isDeliverable } from '../../oauth/placeholder-email';
import { lockForSecondFactor } from '../../two-factor/two-factor.service';
import { ConfirmIdentityLinkCommand } from './confirm-identity-link.command';

const unknownPendingLink = () => Problem.notFound('Pending link', 'auth.pending_link_not_found');

/**
 * Links the parked provider identity once the signed-in owner proves it is them
 * (password, second factor, or a recent sign-in; see Reauthentication), and
 * emails the owner. A stolen access token alone cannot add a way in.
 */
@CommandHandler(ConfirmIdentityLinkCommand)
export class ConfirmIdentityLinkHandler implements ICommandHandler<
  ConfirmIdentityLinkCommand,
  LinkedIdentityDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly store: OAuthFlowStore,
    private readonly reauthentication: Reauthentication,
    private readonly mail: IdentityMail,
  ) {}

  async execute(command: ConfirmIdentityLinkCommand): Promise<LinkedIdentityDto> {
    const { principal, provider } = command;
    const pending = await this.store.pendingLink(command.pendingLink);
    if (!pending || pending.userId !== principal.userId || pending.provider !== provider) {
      throw unknownPendingLink();
    }
    const result = await this.uow.run(async (em, events) => {
      const user = await lockForSecondFactor(em, principal.userId);
      const refusal = await this.reauthentication.refuse(
        em,
        events,
        user,
        command.proof,
        principal,
        'link_identity',
      );
      if (refusal) return refusal;
      const taken = await em.findOne(UserIdentity, {
        provider,
        subject: pending.subject,
      });
      if (taken && taken.userId !== user.id) {
        throw Problem.conflict('auth.identity_in_use', 'This account belongs to another user');
      }
      if (taken || (await em.count(UserIdentity, { userId: user.id, provider }))) {
        throw Problem.conflict(
          'auth.provider_already_linked',
          'This provider is already linked to your account',
        );
      }
      const identity = addIdentity(em, events, user, pending.provider, pending);
      if (isDeliverable(user.email)) {
        await this.mail.queue(em, user, identityEmails['identity-linked'], {
          name: user.name,
          provider,
        });
      }
      return identity;
    });
    if (result instanceof Problem) throw result;
    await this.store.dropPendingLink(command.pendingLink);
    return LinkedIdentityDto.from(result);
  }
}
