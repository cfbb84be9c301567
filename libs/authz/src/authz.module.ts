import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AbilityFactory } from './ability';
import { PoliciesGuard } from './policies.guard';

/**
 * CASL abilities and the route policy guard. Import it after the module that
 * provides the auth guard (Nest runs global guards in registration order), and
 * before the rate-limit module, so that a refused call spends no quota.
 */
@Global()
@Module({
  providers: [AbilityFactory, { provide: APP_GUARD, useClass: PoliciesGuard }],
  exports: [AbilityFactory],
})
export class AuthzModule {}
