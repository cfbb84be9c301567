export { UsersModule } from './users.module';
export { usersProblems } from './users.problems';
