export { CvModule } from './cv.module';
export { CvErasure } from './cv-erasure';
export { ShareVisits, type Visitor } from './sharing/share-visits';
export { CvHistory } from './versions/cv-history';
export { findOwnCv, type CvActor } from './cv.policies';
export { Cv } from './entities/cv.entity';
export { CvShare } from './entities/cv-share.entity';
export { CvShareVisit } from './entities/cv-share-visit.entity';
export { CvVersionLabel } from './entities/cv-version-label.entity';
export {
  CvCreated,
  CvDeleted,
  CvDownloaded,
  CvRestored,
  CvShared,
  CvShareRevoked,
  CvUpdated,
  CvVersionLabelled,
} from './events/cv.events';
export { CV_TEMPLATE_TIERS, templateFeature } from './domain/template-tiers';
export * from './domain/resume';
