/** USD per million tokens, per model name as ai-usage records it (`AI_MODEL_PRICES`). */
export type AiModelPrices = Record<string, { input: number; output: number }>;

export const AI_MODEL_PRICES = Symbol('AI_MODEL_PRICES');
