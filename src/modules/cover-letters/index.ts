export { CoverLettersModule } from './cover-letters.module';
export { CoverLetter } from './entities/cover-letter.entity';
export {
  CoverLetterCreated,
  CoverLetterDeleted,
  CoverLetterUpdated,
} from './events/cover-letter.events';
export { coverLetterProblems } from './cover-letters.problems';
