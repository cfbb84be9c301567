export { CvModule } from './cv.module';
export { RequeueStalledExports } from './jobs/requeue-stalled-exports';
export { ShareVisits, type Visitor } from './sharing/share-visits';
export { CvHistory } from './versions/cv-history';
// Readable JSON Patch changes, shared with other versioned documents (blog post revisions).
export { describePatch, type ReadableChange } from './domain/cv-state';
export { cvQuotaFull, findOwnCv, type CvActor } from './cv.policies';
export { CV_TEAM_ACCESS, type CvTeamAccess, type TeamRight } from './sharing/team-access';
export { Cv } from './entities/cv.entity';
export { CvShare } from './entities/cv-share.entity';
export { CvShareVisit } from './entities/cv-share-visit.entity';
export { CvVersionLabel } from './entities/cv-version-label.entity';
export { CvAiSuggestion } from './entities/cv-ai-suggestion.entity';
export {
  CvCreated,
  CvDeleted,
  CvDownloaded,
  CvRestored,
  CvShared,
  CvShareRevoked,
  CvUpdated,
  CvVersionLabelled,
  CvAiEnhanced,
  CvTransferred,
} from './events/cv.events';
export { CV_TEMPLATE_TIERS, templateFeature } from './domain/template-tiers';
export * from './domain/resume';
// Use cases other parts of the app dispatch (AI suggestions apply as normal versioned changes;
// rendering serves shared CVs after the same access rules).
export { UpdateCvCommand, type CvChange } from './commands/update-cv/update-cv.command';
export {
  OpenSharedCvCommand,
  type SharedCv,
} from './commands/open-shared-cv/open-shared-cv.command';
export { GetCvQuery } from './queries/get-cv/get-cv.query';
export { transferCv } from './cv-transfer';
export { CvDto } from './dto/cv.dto';
export { CvRenderingModule } from './rendering/cv-rendering.module';
export { CvExport } from './entities/cv-export.entity';
export { CvRenderedFile } from './entities/cv-rendered-file.entity';
export { CvRenderingService, type CvPdfMeta } from './rendering/cv-rendering.service';
export { listCvTemplates, type CvTemplateInfo, type CvTemplateTier } from './rendering/catalog';
export { renderCvHtml, type CoverLetterContent } from './rendering/render-cv-html';
export { sendHtml, sendPdf } from './exports/responses';
export { contentDisposition, cvFileName } from './rendering/download-name';
export { CV_FONTS } from './rendering/fonts';
export { renderCvDocx } from './rendering/render-cv-docx';
export {
  analyseAts,
  keywordCoverage,
  type AtsFinding,
  type AtsInput,
  type AtsReport,
} from './ats/analyse-ats';
export { mentions, normalizeTerm } from './text/keywords';
export { resumeForAi, type ResumeForAi } from './ai/resume-for-ai';
export { AiWriterModule } from './ai/writer/ai-writer.module';
export { AI_TONES, AI_WRITER, type AiTone, type AiWriter } from './ai/writer/ai-writer.port';
export { NO_NUL } from './dto/cv.dto';
// If-Match parsing, shared with other versioned documents (cover letters).
export { etag, expectedVersion } from './versions/if-match';
export { cvProblems } from './cv.problems';
// Layouts other modules store (team templates).
export { CvLayoutDto } from './dto/cv-layout.dto';
export { mergeLayout } from './domain/layout';
