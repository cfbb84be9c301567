export { eventually, TestApp, type TestAppOptions } from './test-app';
export { testEnv } from './test-env';
export * from './fakes';
export { ContractValidator, ContractViolation } from './contract-validator';
