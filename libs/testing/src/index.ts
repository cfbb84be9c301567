export { AppProcess } from './app-process';
export { eventually, TestApp, type TestAppOptions } from './test-app';
export { testEnv } from './test-env';
export * from './fakes';
export { freePort } from './free-port';
export { PrivateRedis } from './private-redis';
export { WorkerProcess } from './worker-process';
export { ContractValidator, ContractViolation } from './contract-validator';
