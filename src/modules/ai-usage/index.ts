export { AiUsageModule } from './ai-usage.module';
export { AiUsageRecorder } from './ai-usage-recorder';
export { AiUsageEntry } from './entities/ai-usage-entry.entity';
export type { AiOperation } from './ai-operation';
export { AiCredits } from './ai-credits';
export { AiCreditBalance } from './entities/ai-credit-balance.entity';
