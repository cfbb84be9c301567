export {
  MAIL_BATCH_LIMIT,
  MAIL_PORT,
  MailDeliveryError,
  sendOneByOne,
  type MailDelivery,
  type MailDriverName,
  type MailPort,
  type OutgoingMail,
} from './mail/mail.port';
export { createMailDriver, MailProviderModule } from './mail/mail.module';
export { aiProviderProblems } from './ai/ai.problems';
export {
  AiRefusalError,
  AiUnavailableError,
  LLM_PORT,
  type AiProviderName,
  type AiResultMeta,
  type AiUsage,
  type LlmCompletion,
  type LlmMessage,
  type LlmPort,
  type LlmRequest,
} from './ai/llm.port';
export { AiProviderModule, createLlm } from './ai/ai.module';
export { NoLlm } from './ai/drivers/no-llm.driver';
export { OpenAiChat, type OpenAiChatOptions } from './ai/drivers/openai/openai-chat.driver';
export {
  PDF_RENDERER,
  PdfRenderError,
  type PdfPageFormat,
  type PdfPoolStats,
  type PdfRenderer,
  type PdfRenderOptions,
  type ScreenshotOptions,
} from './pdf/pdf.port';
export { createPdfRenderer, PdfProviderModule } from './pdf/pdf.module';
export { childProcessEnv } from './process/child-env';
export {
  CHROMIUM_ARGS,
  PuppeteerPdfRenderer,
  type PuppeteerPoolOptions,
} from './pdf/drivers/puppeteer-pool.driver';
export {
  assertSafeKey,
  BUCKET_NAMES,
  BUCKETS,
  isBucketName,
  STORAGE_PORT,
  StorageObjectNotFound,
  type BucketName,
  type PutOptions,
  type StorageDriverName,
  type StoragePort,
  type StoredObjectInfo,
} from './storage/storage.port';
export { createStorageDriver } from './storage/storage.module';
export { LocalStorageDriver } from './storage/drivers/local.driver';
export { S3StorageDriver, type S3DriverOptions } from './storage/drivers/s3.driver';
export { UrlSigner } from './storage/url-signature';
export {
  AV_SCAN_PORT,
  AvScannerUnavailable,
  type AvScanDriverName,
  type AvScanPort,
  type ScanResult,
} from './av-scan/av-scan.port';
export { createAvScanDriver } from './av-scan/av-scan.module';
export { ClamdScanner } from './av-scan/drivers/clamd.driver';
export { NoScanDriver } from './av-scan/drivers/no-scan.driver';
export {
  isOAuthProvider,
  OAUTH_LOGIN,
  OAUTH_PROVIDERS,
  OAuthProviderError,
  type OAuthLoginDriver,
  type OAuthLoginPort,
  type OAuthProfile,
  type OAuthProviderName,
} from './oauth/oauth.port';
export { createOAuthLogin, OAuthProviderModule } from './oauth/oauth.module';
export {
  retryAfterMs,
  type PushDriver,
  type PushMessage,
  type PushOutcome,
  type PushPlatform,
  type PushTarget,
} from './push/push.port';
export { createFcmDriver } from './push/push.module';
export {
  FCM_DEFAULT_BASE_URL,
  FCM_SCOPE,
  FcmPushDriver,
  type FcmDriverOptions,
  type FcmServiceAccount,
} from './push/drivers/fcm.driver';
export {
  generateVapidKeys,
  WebPushDriver,
  type VapidKeys,
  type WebPushDriverOptions,
} from './push/drivers/web-push.driver';
export {
  BILLING_PORT,
  BillingRequestError,
  BillingUnavailableError,
  WebhookSignatureError,
  type BillingDriverName,
  type BillingPort,
  type CreateCheckoutParams,
  type ProviderCheckoutSession,
  type ProviderCustomer,
  type ProviderEvent,
  type ProviderInvoice,
  type ProviderSubscription,
  type SubscriptionStatus,
} from './billing/billing.port';
export { createBillingDriver } from './billing/billing.module';
export { LocalBillingDriver } from './billing/drivers/local.driver';
export { StripeBillingDriver, type StripeDriverOptions } from './billing/drivers/stripe.driver';
export * from './jobs';
export * from './social';
export {
  checkOutboundTarget,
  isForbiddenAddress,
  UnsafeTargetError,
  type CheckedTarget,
  type HostResolver,
  type ResolvedAddress,
  type TargetPolicy,
} from './http/ssrf-guard';
export {
  ANALYTICS_FORWARDER,
  AnalyticsForwardError,
  type AnalyticsBatch,
  type AnalyticsForwarder,
  type AnalyticsForwarderName,
} from './analytics/analytics-forwarder.port';
export { createAnalyticsForwarder } from './analytics/analytics-forwarder.factory';
export { Ga4Forwarder, GA4_DEFAULT_BASE_URL } from './analytics/drivers/ga4.driver';
export { NoAnalyticsForwarder } from './analytics/drivers/no-forwarder.driver';
export {
  GA4_LIMITS,
  GA4_RESERVED_EVENT_NAMES,
  GA4_RESERVED_PREFIXES,
  ga4EventNameProblem,
  ga4ParamNameProblem,
  ga4ParamValueProblem,
  type Ga4ParamValue,
} from './analytics/ga4-rules';
