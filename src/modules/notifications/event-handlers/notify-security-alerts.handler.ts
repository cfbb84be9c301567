import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { AppConfig } from '@lib/config';
import { HandlesEvent, type DomainEventHandler } from '@lib/event-store';
import {
  AccountLocked,
  NewDeviceLogin,
  PasswordChanged,
  TwoFactorDisabled,
  TwoFactorEnabled,
  User,
} from '../../identity';
import { Notifier } from '../notifier';

type SecurityEvent =
  PasswordChanged | TwoFactorEnabled | TwoFactorDisabled | AccountLocked | NewDeviceLogin;

/**
 * Puts identity's security alerts in the inbox and on the user's devices. One
 * enqueue per event; the event id is the subject, so a redelivered event adds nothing.
 */
@Injectable()
@HandlesEvent(PasswordChanged, TwoFactorEnabled, TwoFactorDisabled, AccountLocked, NewDeviceLogin)
export class NotifySecurityAlertsHandler implements DomainEventHandler<SecurityEvent> {
  constructor(
    private readonly em: EntityManager,
    private readonly notifier: Notifier,
    private readonly config: AppConfig,
  ) {}

  async handle(event: SecurityEvent): Promise<void> {
    const userId = event instanceof NewDeviceLogin ? event.payload.userId : event.streamId;
    if (event.metadata?.erased) return;
    const user = await this.em.fork().findOne(User, userId, { fields: ['name'] });
    if (!user) return;
    const alert = this.alertFor(event, user.name);
    await this.notifier.notify(userId, alert.type, alert.payload, { subjectId: event.eventId });
  }

  private alertFor(
    event: SecurityEvent,
    name: string,
  ): { type: string; payload: Record<string, unknown> } {
    if (event instanceof PasswordChanged) {
      return { type: 'security.password_changed', payload: { name } };
    }
    if (event instanceof TwoFactorEnabled || event instanceof TwoFactorDisabled) {
      return {
        type: 'security.two_factor_changed',
        payload: { name, enabled: event instanceof TwoFactorEnabled },
      };
    }
    if (event instanceof AccountLocked) {
      return {
        type: 'security.account_locked',
        payload: {
          name,
          failures: event.payload.failures,
          ip: event.metadata?.ip,
          until: new Date(event.payload.lockedUntil).toUTCString(),
        },
      };
    }
    return {
      type: 'security.new_device_login',
      payload: {
        name,
        device: event.metadata?.userAgent ?? 'an unknown browser or app',
        ip: event.metadata?.ip ?? 'an unknown address',
        at: (event.occurredAt ?? new Date()).toUTCString(),
        link: new URL('/settings/sessions', this.config.env.FRONTEND_URL).toString(),
      },
    };
  }
}
