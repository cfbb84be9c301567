import { EventDelivery, PersonalDataKey, StoredEvent } from '@lib/event-store';
import { AnalyticsEvent } from '../modules/analytics';
import { AiUsageEntry } from '../modules/ai-usage';
import { CoverLetter } from '../modules/cover-letters';
import {
  Cv,
  CvAiSuggestion,
  CvExport,
  CvRenderedFile,
  CvShare,
  CvShareVisit,
  CvVersionLabel,
} from '../modules/cv';
import {
  ApiKey,
  PendingAccessDenial,
  RefreshToken,
  User,
  UserDevice,
  UserIdentity,
  UserToken,
} from '../modules/identity';
import { StoredFile } from '../modules/files';
import { MailMessage } from '../modules/mail';
import { PlanRecord } from '../modules/plans';

/** Every MikroORM entity; the migrator and the CLI diff against this list. */
export const ENTITIES = [
  StoredEvent,
  EventDelivery,
  PersonalDataKey,
  User,
  RefreshToken,
  UserToken,
  ApiKey,
  UserIdentity,
  UserDevice,
  PendingAccessDenial,
  MailMessage,
  PlanRecord,
  Cv,
  CvShare,
  CvVersionLabel,
  CvShareVisit,
  CvExport,
  CvRenderedFile,
  AnalyticsEvent,
  StoredFile,
  CvAiSuggestion,
  AiUsageEntry,
  CoverLetter,
];
