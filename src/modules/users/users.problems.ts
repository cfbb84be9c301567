import { defineProblems } from '@lib/problems';

/** Problems of the admin user management. */
export const usersProblems = defineProblems({
  'users.self_lockout': {
    status: 409,
    description: 'Admins cannot disable, lock or demote their own account.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    users: typeof usersProblems;
  }
}
