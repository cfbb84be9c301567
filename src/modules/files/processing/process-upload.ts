import { readFile } from 'node:fs/promises';
import type { FileKind } from '../file-kinds';
import type { FileType } from '../file-types';
import { processCvDocument } from './cv-documents';
import { processImage, processProfileImage, type RasterType } from './images';
import { processLogo } from './logos';
import type { ProcessingResult } from './processing-result';
import { processSocialImage } from './social-images';
import { processVideo } from './videos';

export interface ProcessingOptions {
  /** Prints self-contained HTML to an A4 PDF (DOCX previews). */
  renderPdf: (html: string) => Promise<Buffer>;
  ffmpegPath: string;
  /** Scratch directory for outputs too large for memory (videos). */
  workDir: string;
}

/** Turns a scanned upload (a local file) into what gets stored, by kind. */
export async function processUpload(
  kind: FileKind,
  type: FileType,
  inputPath: string,
  options: ProcessingOptions,
): Promise<ProcessingResult> {
  switch (kind) {
    case 'profile-image':
      return processProfileImage(await readFile(inputPath), type as RasterType);
    case 'blog-image':
      return processImage(await readFile(inputPath), type as RasterType);
    case 'social-image':
      return processSocialImage(await readFile(inputPath), type as RasterType);
    case 'company-logo':
      return processLogo(await readFile(inputPath), type as 'png' | 'jpeg' | 'svg');
    case 'cv-file':
      return processCvDocument(await readFile(inputPath), type as 'pdf' | 'docx', {
        renderPdf: options.renderPdf,
        workDir: options.workDir,
      });
    case 'social-video':
      return processVideo(inputPath, type as 'mp4' | 'mov' | 'avi', options.workDir, {
        ffmpegPath: options.ffmpegPath,
      });
  }
}
