export {
  newWebhookSecret,
  ResendFake,
  signedResendWebhook,
  type ResendWebhookType,
  type SignedWebhook,
  type RecordedRequest,
  type RateLimitedRequest,
  type ResendDelivery,
  type ResendEmailRequest,
} from './resend.fake';
export { SmtpFake, type ReceivedMail } from './smtp.fake';
export {
  OAuthProviderFake,
  type OAuthDialect,
  type OAuthFakeClient,
  type OAuthFakeUser,
} from './oauth-provider.fake';
export { OpenAiFake, type ChatCompletionRequest, type ScriptedAnswer } from './openai.fake';
export { EICAR_TEST_FILE } from './eicar';
export { S3Fake } from './s3.fake';
export { closeNow, listenOnLoopback } from './loopback';
export { OtlpReceiverFake, type ReceivedSpan } from './otlp-receiver.fake';
export {
  parseEnvelope,
  SentryFake,
  type EnvelopeItem,
  type ReceivedEnvelope,
  type SentryEvent,
} from './sentry.fake';
export { FcmFake, type FakeServiceAccount, type FcmMessage } from './fcm.fake';
export { WebPushServiceFake, type BrowserSubscription, type ReceivedPush } from './web-push.fake';
export { StripeFake, type FakePrice, type StripeRecordedRequest } from './stripe.fake';
export {
  JobBoardsFake,
  type JobBoard,
  type JobBoardFault,
  type JobBoardRequest,
  JOB_SOURCE_FAULT_CASES,
} from './job-boards.fake';
export { WebhookReceiverFake, type ReceivedWebhook } from './webhook-receiver.fake';
export { Ga4Fake, type Ga4Collect, type Ga4ValidationMessage } from './ga4.fake';
export { SocialNetworksFake } from './social/social-networks.fake';
export type {
  CreateFault,
  FakeNetwork,
  FakePost,
  FakeRequest,
  FakeSocialUser,
} from './social/social-fake-state';
