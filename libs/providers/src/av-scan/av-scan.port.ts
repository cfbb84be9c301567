import type { Readable } from 'node:stream';

export type ScanResult =
  | { clean: true; scanner: AvScanDriverName }
  | { clean: false; scanner: AvScanDriverName; signature: string };

export type AvScanDriverName = 'clamd' | 'none';

/** Scans content for malware. Never answers "clean" without having scanned, except the `none` driver. */
export interface AvScanPort {
  readonly name: AvScanDriverName;
  scan(content: Buffer | Readable): Promise<ScanResult>;
}

export const AV_SCAN_PORT = Symbol('AV_SCAN_PORT');

/** The scanner could not give a verdict (down, timed out, odd reply): try again later. */
export class AvScannerUnavailable extends Error {
  readonly retryable = true;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'AvScannerUnavailable';
  }
}
