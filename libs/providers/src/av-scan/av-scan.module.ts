import type { AppConfig } from '@lib/config';
import type { AvScanPort } from './av-scan.port';
import { ClamdScanner } from './drivers/clamd.driver';
import { NoScanDriver } from './drivers/no-scan.driver';

/** The driver AV_SCAN_DRIVER selects (default clamd). */
export function createAvScanDriver(config: AppConfig): AvScanPort {
  const env = config.env;
  if (env.AV_SCAN_DRIVER === 'none') return new NoScanDriver();
  return new ClamdScanner(env.CLAMD_HOST, env.CLAMD_PORT, env.CLAMD_TIMEOUT_MS);
}
