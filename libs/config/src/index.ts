export { envSchema, type Env } from './config.schema';
export { AppConfig, ConfigError, loadConfig, productionWarnings } from './load-config';
export { ConfigModule } from './config.module';
