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
  PuppeteerPdfRenderer,
  type PuppeteerPoolOptions,
} from './pdf/drivers/puppeteer-pool.driver';
