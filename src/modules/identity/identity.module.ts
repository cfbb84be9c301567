import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { AdminAccountSeeder } from './admin-account.seeder';
import { LoginHandler } from './commands/login/login.handler';
import { AuthGuard } from './guards/auth.guard';
import { AuthController, JwksController } from './identity.controller';
import { PasswordHasher } from './password-hasher';
import { TokenService } from './token.service';

@Module({
  imports: [CqrsModule],
  controllers: [AuthController, JwksController],
  providers: [
    TokenService,
    PasswordHasher,
    LoginHandler,
    AdminAccountSeeder,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenService],
})
export class IdentityModule {}
