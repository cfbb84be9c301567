export { AuditModule } from './audit.module';
export { auditProblems } from './audit.problems';
