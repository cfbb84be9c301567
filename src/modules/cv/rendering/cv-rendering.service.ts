import { Inject, Injectable } from '@nestjs/common';
import { PDF_RENDERER, PdfRenderError, type PdfRenderer } from '@lib/providers';
import {
  DEFAULT_CV_LAYOUT,
  type CvLayout,
  type CvTemplate,
  type ResumeDocument,
} from '../domain/resume';
import { analyseAts, type AtsReport } from '../ats/analyse-ats';
import { renderCvDocx } from './render-cv-docx';
import { extractPdfText } from './pdf-text';
import { renderCoverLetterHtml, renderCvHtml, type CoverLetterContent } from './render-cv-html';
import { SAMPLE_CV } from './sample-cv';
import { cvProblems } from '../cv.problems';

export interface CvPdfMeta {
  /** PDF title; default "<name> – CV". */
  title?: string;
}

/** Preview images show the top of an A4 page at 96 dpi (794 × 1123 CSS px). */
export const PREVIEW_SIZE = { width: 794, height: 1123 };

/** Renders CVs as HTML, PDF, DOCX and template previews; the one entry point other modules use. */
@Injectable()
export class CvRenderingService {
  private readonly previews = new Map<CvTemplate, Promise<Buffer>>();

  constructor(@Inject(PDF_RENDERER) private readonly renderer: PdfRenderer) {}

  html(document: ResumeDocument, layout: CvLayout): string {
    return renderCvHtml(document, layout);
  }

  async pdf(document: ResumeDocument, layout: CvLayout, meta: CvPdfMeta = {}): Promise<Buffer> {
    const name = document.basics?.name?.trim();
    const html = renderCvHtml(document, layout);
    return this.rendered(() =>
      this.renderer.render(html, {
        format: layout.pageSize,
        title: meta.title ?? (name ? `${name} – CV` : 'CV'),
        author: name || undefined,
        language: layout.language,
      }),
    );
  }

  coverLetterHtml(
    basics: ResumeDocument['basics'],
    layout: CvLayout,
    letter: CoverLetterContent,
  ): string {
    return renderCoverLetterHtml(basics, layout, letter);
  }

  /** A cover letter as a PDF in its CV's template, page size and theme. */
  async coverLetterPdf(
    basics: ResumeDocument['basics'],
    layout: CvLayout,
    letter: CoverLetterContent,
  ): Promise<Buffer> {
    const name = basics?.name?.trim();
    const html = renderCoverLetterHtml(basics, layout, letter);
    return this.rendered(() =>
      this.renderer.render(html, {
        format: layout.pageSize,
        title: name ? `${name} – Cover letter` : 'Cover letter',
        author: name || undefined,
        language: layout.language,
      }),
    );
  }

  docx(document: ResumeDocument, layout: CvLayout): Promise<Buffer> {
    return renderCvDocx(document, layout);
  }

  /**
   * The ATS check: renders the PDF, reads its text layer back and analyses what a parser
   * would see, with keyword coverage when a job description is given.
   */
  async atsCheck(
    document: ResumeDocument,
    layout: CvLayout,
    jobDescription?: string,
  ): Promise<AtsReport> {
    const { text, pages } = await extractPdfText(await this.pdf(document, layout));
    return analyseAts({ pdfText: text, document, layout, pages, jobDescription });
  }

  /** The bundled sample CV in `template`, rendered once per process and kept in memory. */
  previewPng(template: CvTemplate): Promise<Buffer> {
    let preview = this.previews.get(template);
    if (!preview) {
      const html = renderCvHtml(SAMPLE_CV, { ...DEFAULT_CV_LAYOUT, template });
      preview = this.rendered(() => this.renderer.screenshot(html, PREVIEW_SIZE));
      this.previews.set(template, preview);
      preview.catch(() => this.previews.delete(template)); // a failed render is not cached
    }
    return preview;
  }

  private async rendered(render: () => Promise<Buffer>): Promise<Buffer> {
    try {
      return await render();
    } catch (error) {
      if (error instanceof PdfRenderError && error.retryable) {
        throw cvProblems.problem('cv.renderer_unavailable', error.message, {
          retryable: true,
        });
      }
      throw error;
    }
  }
}
