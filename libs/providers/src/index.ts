export {
  MAIL_PORT,
  MailDeliveryError,
  type MailDelivery,
  type MailDriverName,
  type MailPort,
  type OutgoingMail,
} from './mail/mail.port';
export { createMailDriver, MailProviderModule } from './mail/mail.module';
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
