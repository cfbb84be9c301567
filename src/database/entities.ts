import { EventDelivery, PersonalDataKey, StoredEvent } from '@lib/event-store';
import { AnalyticsDailyRollup, AnalyticsEvent } from '../modules/analytics';
import { AiCreditBalance, AiUsageEntry } from '../modules/ai-usage';
import {
  BillingCustomer,
  BillingSubscription,
  BillingTransition,
  BillingWebhookEvent,
} from '../modules/billing';
import { CoverLetter } from '../modules/cover-letters';
import { DataExport } from '../modules/data-export';
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
import {
  BlogAuthor,
  BlogCategory,
  BlogComment,
  BlogPost,
  BlogPostLike,
  BlogPostRevision,
  BlogSlugRedirect,
  BlogTag,
} from '../modules/blog';
import { StoredFile } from '../modules/files';
import { IdempotencyRecord } from '../modules/idempotency';
import {
  Job,
  JobAlert,
  JobAlertDelivery,
  JobApplication,
  JobBoard,
  JobSourceHealth,
  JobSourceLink,
  SavedJob,
} from '../modules/jobs';
import { MailMessage } from '../modules/mail';
import { EmailDeliveryEvent, EmailSuppression } from '../modules/notifications/deliverability';
import {
  NewsletterCampaign,
  NewsletterCampaignRecipient,
  NewsletterSubscriber,
} from '../modules/notifications/newsletter';
import { PushDevice } from '../modules/notifications/push';
import {
  Notification,
  NotificationDelivery,
  NotificationPreferences,
} from '../modules/notifications';
import { PlanRecord } from '../modules/plans';
import { HookDeliveryAttempt, HookSubscription } from '../modules/hooks';
import {
  Team,
  TeamDocumentComment,
  TeamDocumentShare,
  TeamInvitation,
  TeamMember,
  TeamTemplate,
} from '../modules/teams';
import {
  SocialAccount,
  SocialMetricSnapshot,
  SocialPost,
  SocialPostTarget,
  SocialQueueSlot,
} from '../modules/social';

/** Every MikroORM entity; the migrator and the CLI diff against this list. */
export const ENTITIES = [
  IdempotencyRecord,
  BlogPost,
  BlogPostRevision,
  BlogSlugRedirect,
  BlogCategory,
  BlogTag,
  BlogAuthor,
  BlogComment,
  BlogPostLike,
  Job,
  JobSourceLink,
  JobSourceHealth,
  JobBoard,
  SavedJob,
  JobApplication,
  JobAlert,
  JobAlertDelivery,
  SocialAccount,
  SocialPost,
  SocialPostTarget,
  SocialQueueSlot,
  SocialMetricSnapshot,
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
  AnalyticsDailyRollup,
  StoredFile,
  CvAiSuggestion,
  AiUsageEntry,
  AiCreditBalance,
  CoverLetter,
  DataExport,
  PushDevice,
  EmailSuppression,
  EmailDeliveryEvent,
  NewsletterSubscriber,
  NewsletterCampaign,
  NewsletterCampaignRecipient,
  Notification,
  NotificationDelivery,
  NotificationPreferences,
  BillingCustomer,
  BillingSubscription,
  BillingWebhookEvent,
  BillingTransition,
  HookSubscription,
  HookDeliveryAttempt,
  Team,
  TeamMember,
  TeamInvitation,
  TeamDocumentShare,
  TeamDocumentComment,
  TeamTemplate,
];
