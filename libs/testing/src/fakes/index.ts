export {
  ResendFake,
  type RecordedRequest,
  type ResendDelivery,
  type ResendEmailRequest,
} from './resend.fake';
export { SmtpFake, type ReceivedMail } from './smtp.fake';
