export { ProblemsModule } from './problems.module';
export { PROBLEMS } from './problem-registry';
