import { Problem } from '@lib/problems';
import { identityProblems } from '../identity.problems';

export const twoFactorProblems = {
  alreadyEnabled: () =>
    identityProblems.problem(
      'two_factor.already_enabled',
      'Two-factor authentication is already on',
    ),
  notEnabled: () =>
    identityProblems.problem('two_factor.not_enabled', 'Two-factor authentication is off'),
  setupRequired: () =>
    identityProblems.problem('two_factor.setup_required', 'Call POST /v1/auth/2fa/setup first'),
  invalidSetupOtp: () =>
    Problem.badRequest(
      'two_factor.invalid_otp',
      'The code does not match the secret from setup (check the device clock)',
    ),
  invalidPassword: () => Problem.unauthorized('auth.invalid_password', 'The password is incorrect'),
  passwordRequired: () =>
    Problem.badRequest('auth.password_required', 'Confirm with the account password (`password`)'),
  codeRequired: () =>
    Problem.badRequest('two_factor.code_required', 'Send `otp` or `recoveryCode`'),
};
