import { StoredEvent } from '@lib/event-store';
import { ApiKey, RefreshToken, User, UserIdentity, UserToken } from '../modules/identity';
import { StoredFile } from '../modules/files';
import { MailMessage } from '../modules/mail';
import { PlanRecord } from '../modules/plans';

/** Every MikroORM entity; the migrator and the CLI diff against this list. */
export const ENTITIES = [
  StoredEvent,
  User,
  RefreshToken,
  UserToken,
  ApiKey,
  UserIdentity,
  MailMessage,
  PlanRecord,
  StoredFile,
];
