export { CvRenderingModule } from './rendering/cv-rendering.module';
export { CvRenderingService, type CvPdfMeta } from './rendering/cv-rendering.service';
export { listCvTemplates, type CvTemplateInfo, type CvTemplateTier } from './rendering/catalog';
export { renderCvHtml } from './rendering/render-cv-html';
export { contentDisposition, cvFileName } from './rendering/download-name';
export { CV_FONTS } from './rendering/fonts';
export { renderCvDocx } from './export/docx';
export { analyseAts, type AtsFinding, type AtsInput, type AtsReport } from './ats/analyse-ats';
