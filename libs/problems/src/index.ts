export {
  commonProblems,
  defineProblems,
  Problem,
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  ProblemCatalogue,
  registerProblems,
  type FieldError,
  type ProblemCatalogues,
  type ProblemCode,
  type ProblemCodeFor,
  type ProblemDocument,
  type RegisteredProblem,
} from './problem';
export { STATUS_TITLES, type ProblemDefinition, type ProblemStatus } from './status-titles';
