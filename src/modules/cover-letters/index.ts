export { CoverLettersModule } from './cover-letters.module';
export { CoverLetter } from './entities/cover-letter.entity';
export {
  CoverLetterCreated,
  CoverLetterDeleted,
  CoverLetterTransferred,
  CoverLetterUpdated,
} from './events/cover-letter.events';
export { coverLetterProblems } from './cover-letters.problems';
export {
  COVER_LETTER_TEAM_ACCESS,
  transferCoverLetter,
  type CoverLetterTeamAccess,
} from './cover-letter.policies';
