export {
  MAIL_PORT,
  MailDeliveryError,
  type MailDelivery,
  type MailDriverName,
  type MailPort,
  type OutgoingMail,
} from './mail/mail.port';
export { createMailDriver, MailProviderModule } from './mail/mail.module';
