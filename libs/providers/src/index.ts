export {
  MAIL_PORT,
  MailDeliveryError,
  type MailDelivery,
  type MailDriverName,
  type MailPort,
  type OutgoingMail,
} from './mail/mail.port';
export { createMailDriver, MailProviderModule } from './mail/mail.module';
export { aiProviderProblems } from './ai/ai.problems';
export {
  AI_TONES,
  AI_WRITER,
  AiRefusalError,
  AiUnavailableError,
  type AiOperation,
  type AiProviderName,
  type AiResultMeta,
  type AiTone,
  type AiUsage,
  type AiWriter,
  type CoverLetterExperience,
  type CoverLetterInput,
  type CoverLetterResult,
  type EnhanceSectionInput,
  type EnhanceSectionResult,
  type ParseCvTextResult,
  type ParsedResume,
  type SectionItem,
  type SuggestedSkill,
  type Suggestion,
  type SuggestSkillsInput,
  type SuggestSkillsResult,
} from './ai/ai.port';
export { aiDriverName, AiProviderModule, createAiWriter } from './ai/ai.module';
export { LocalAiWriter } from './ai/drivers/local/local.driver';
export { OpenAiWriter, type OpenAiWriterOptions } from './ai/drivers/openai/openai.driver';
export { extractKeywords, mentions, normalizeTerm, type Keyword } from './ai/keywords';
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
