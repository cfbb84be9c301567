import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import { Inject, Logger } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { UnitOfWork, type EventRecorder } from '@lib/event-store';
import { Problem } from '@lib/problems';
import {
  OAUTH_LOGIN,
  OAuthProviderError,
  type OAuthLoginDriver,
  type OAuthLoginPort,
  type OAuthProfile,
} from '@lib/providers';
import { accountRefusal } from '../../accounts/account-access';
import { User } from '../../entities/user.entity';
import { UserIdentity, type OAuthProviderName } from '../../entities/user-identity.entity';
import { OAuthPictureOffered, OAuthRefused } from '../../events/oauth.events';
import { addIdentity } from '../../oauth/link-identity';
import { OAuthFlowStore, type PendingAuthorization } from '../../oauth/oauth-flow-store';
import { placeholderEmail } from '../../oauth/placeholder-email';
import { localeFromAcceptLanguage } from '../../profile/locale-and-zone';
import { unusablePasswordHash } from '../../oauth/unusable-password';
import { hashToken } from '../../sessions/opaque-token';
import { enabledProvider } from '../start-oauth/start-oauth.handler';
import { CompleteOAuthCommand } from './complete-oauth.command';

/** Error codes the frontend receives as `?error=` on /oauth/callback. */
export type OAuthErrorCode =
  | 'auth.oauth_denied'
  | 'auth.oauth_failed'
  | 'auth.link_required'
  | 'auth.identity_in_use'
  | 'auth.account_unavailable'
  | 'auth.provider_already_linked';

type Outcome =
  | { kind: 'signed_in'; userId: string }
  | { kind: 'link_pending'; pendingLink: string }
  | { kind: 'error'; code: OAuthErrorCode };

/**
 * Validates the single-use state and the browser's nonce cookie, exchanges the
 * code (PKCE), reads the profile and then signs in the linked user, prepares a
 * link for the signed-in user to confirm (flow started from settings), or
 * creates an account. An email that matches an existing account never signs
 * into it: the owner must sign in and link from settings. An email the
 * provider does not vouch for never names a new account.
 */
@CommandHandler(CompleteOAuthCommand)
export class CompleteOAuthHandler implements ICommandHandler<CompleteOAuthCommand, string> {
  private readonly logger = new Logger(CompleteOAuthHandler.name);

  constructor(
    private readonly uow: UnitOfWork,
    @Inject(OAUTH_LOGIN) private readonly providers: OAuthLoginPort,
    private readonly store: OAuthFlowStore,
    private readonly config: AppConfig,
  ) {}

  async execute(command: CompleteOAuthCommand): Promise<string> {
    const provider = enabledProvider(this.providers, command.provider);
    const { code, state, error } = command.params;
    const pending = state ? await this.store.takePending(state) : undefined;
    if (!pending || pending.provider !== provider) {
      throw Problem.badRequest(
        'auth.oauth_state_invalid',
        'The sign-in attempt is unknown, expired or already used; start again',
      );
    }
    // Login and link CSRF: the callback must come back to the browser that started the flow.
    if (!command.nonce || hashToken(command.nonce) !== pending.nonceHash) {
      throw Problem.forbidden(
        'auth.oauth_browser_mismatch',
        'This sign-in was started in another browser (or its cookie is gone); start again here',
      );
    }
    if (error || !code)
      return this.redirect(provider, { kind: 'error', code: 'auth.oauth_denied' });

    const driver = this.providers.driver(provider);
    let profile: OAuthProfile;
    try {
      profile = await driver.complete(code, pending.codeVerifier);
    } catch (failure) {
      if (!(failure instanceof OAuthProviderError)) throw failure;
      this.logger.warn(`OAuth ${failure.reason}: ${failure.message}`);
      return this.redirect(provider, { kind: 'error', code: 'auth.oauth_failed' });
    }

    let outcome: Outcome;
    try {
      outcome = await this.uow.run((em, events) =>
        pending.linkUserId
          ? this.prepareLink(em, events, provider, profile, pending, command.ip)
          : this.signIn(em, events, driver, profile, command.ip, command.acceptLanguage),
      );
    } catch (failure) {
      // A concurrent callback created the same identity or account first.
      if (!(failure instanceof UniqueConstraintViolationException)) throw failure;
      outcome = { kind: 'error', code: 'auth.oauth_failed' };
    }
    return this.redirect(provider, outcome);
  }

  private async signIn(
    em: EntityManager,
    events: EventRecorder,
    driver: OAuthLoginDriver,
    profile: OAuthProfile,
    ip: string,
    acceptLanguage?: string,
  ): Promise<Outcome> {
    const provider = driver.name;
    const identity = await em.findOne(UserIdentity, { provider, subject: profile.subject });
    if (identity) {
      const owner = await em.findOne(User, identity.userId);
      if (!owner) return { kind: 'error', code: 'auth.oauth_failed' };
      const refusal = accountRefusal(owner, 'sign_in');
      if (refusal) {
        events.record(new OAuthRefused(ip, { provider, reason: refusal }));
        return { kind: 'error', code: 'auth.account_unavailable' };
      }
      return { kind: 'signed_in', userId: owner.id };
    }
    if (profile.email && (await em.count(User, { email: profile.email })) > 0) {
      events.record(new OAuthRefused(ip, { provider, reason: 'link_required' }));
      return { kind: 'error', code: 'auth.link_required' };
    }
    // Account pre-takeover: an address the provider does not vouch for never names an account.
    const vouchedEmail = driver.vouchesForEmail && profile.emailVerified ? profile.email : null;
    const user = User.register({
      email: vouchedEmail ?? placeholderEmail(provider, profile.subject),
      passwordHash: unusablePasswordHash(),
      name: profile.name?.trim().slice(0, 100) || 'New user',
      locale: localeFromAcceptLanguage(acceptLanguage),
    });
    if (vouchedEmail) user.verifyEmail();
    em.persist(user);
    addIdentity(em, events, user, provider, profile);
    // Fetched later by the files module through its SSRF guard; never hot-linked.
    if (profile.pictureUrl && profile.pictureUrl.length <= 2048) {
      events.record(new OAuthPictureOffered(user.id, { provider, url: profile.pictureUrl }));
    }
    return { kind: 'signed_in', userId: user.id };
  }

  /** Checks the link can be made and parks it until the signed-in user confirms it. */
  private async prepareLink(
    em: EntityManager,
    events: EventRecorder,
    provider: OAuthProviderName,
    profile: OAuthProfile,
    pending: PendingAuthorization,
    ip: string,
  ): Promise<Outcome> {
    const userId = pending.linkUserId as string;
    const identity = await em.findOne(UserIdentity, { provider, subject: profile.subject });
    if (identity && identity.userId !== userId) {
      events.record(new OAuthRefused(ip, { provider, reason: 'identity_in_use' }));
      return { kind: 'error', code: 'auth.identity_in_use' };
    }
    if (!(await em.count(User, { id: userId })))
      return { kind: 'error', code: 'auth.oauth_failed' };
    if (identity || (await em.count(UserIdentity, { userId, provider }))) {
      return { kind: 'error', code: 'auth.provider_already_linked' };
    }
    const pendingLink = await this.store.savePendingLink({
      userId,
      provider,
      subject: profile.subject,
      email: profile.email,
    });
    return { kind: 'link_pending', pendingLink };
  }

  /** The frontend's callback page; it receives a one-time code or an error code, never tokens. */
  private async redirect(provider: OAuthProviderName, outcome: Outcome): Promise<string> {
    const url = new URL(`${this.config.env.FRONTEND_URL.replace(/\/+$/, '')}/oauth/callback`);
    url.searchParams.set('provider', provider);
    if (outcome.kind === 'signed_in') {
      url.searchParams.set('code', await this.store.issueLoginCode(outcome.userId));
    } else if (outcome.kind === 'link_pending') {
      url.searchParams.set('pendingLink', outcome.pendingLink);
    } else {
      url.searchParams.set('error', outcome.code);
    }
    return url.toString();
  }
}
