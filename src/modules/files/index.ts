export { FilesModule } from './files.module';
export { FilesService } from './files.service';
export { StoredFile, type FileStatus, type FileVariant } from './entities/stored-file.entity';
export { FILE_KINDS, FILE_KIND_NAMES, MAX_UPLOAD_BYTES, type FileKind } from './file-kinds';
export {
  FileDeleted,
  FileReady,
  FileRejected,
  FileUploaded,
  MalwareDetected,
} from './events/file.events';
export { RequeueStalledUploads } from './jobs/requeue-stalled-uploads';
export { filesProblems } from './files.problems';
export { fileProblems } from './upload/file-problems';
