/** One object processing produced: small ones in memory, large ones (videos) as files. */
export interface ProcessedObject {
  fileName: string;
  mimeType: string;
  content: Buffer | { path: string };
  width?: number;
  height?: number;
}

/** What replaces the upload: a cleaned original, its variants by name, and what was learned. */
export interface ProcessingResult {
  original: ProcessedObject;
  variants: Record<string, ProcessedObject>;
  metadata: Record<string, unknown>;
}
