import { defineProblems } from '@lib/problems';

/** Problems of the admin user management. */
export const usersProblems = defineProblems({
  'users.self_lockout': {
    status: 409,
    description: 'Admins cannot disable, lock or demote their own account.',
  },
  'users.impersonation_refused': {
    status: 409,
    description: 'Admin and disabled accounts cannot be impersonated.',
  },
});

declare module '@lib/problems' {
  interface ProblemCatalogues {
    users: typeof usersProblems;
  }
}
