export { DeliverabilityModule } from './deliverability.module';
export { normalizeEmail, SuppressionList } from './suppression-list';
export { EmailSuppression, type SuppressionReason } from './entities/email-suppression.entity';
export { EmailDeliveryEvent } from './entities/email-delivery-event.entity';
export { AddressSuppressed, SuppressionCleared } from './events/deliverability.events';
export { deliverabilityProblems } from './deliverability.problems';
