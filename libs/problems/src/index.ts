export {
  Problem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  type FieldError,
  type ProblemDocument,
} from './problem';
