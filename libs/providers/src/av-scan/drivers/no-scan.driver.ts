import type { Readable } from 'node:stream';
import type { AvScanPort, ScanResult } from '../av-scan.port';

/**
 * Scanning switched off (AV_SCAN_DRIVER=none) on a machine without clamd.
 * The config schema refuses it in production. Results say `scanner: 'none'`,
 * and files record it, so nobody mistakes them for scanned ones.
 */
export class NoScanDriver implements AvScanPort {
  readonly name = 'none' as const;

  async scan(content: Buffer | Readable): Promise<ScanResult> {
    if (!Buffer.isBuffer(content)) for await (const _ of content); // drain
    return { clean: true, scanner: this.name };
  }
}
