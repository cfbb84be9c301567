import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { DisableTwoFactorCommand } from './commands/disable-two-factor/disable-two-factor.command';
import { EnableTwoFactorCommand } from './commands/enable-two-factor/enable-two-factor.command';
import { SetUpTwoFactorCommand } from './commands/set-up-two-factor/set-up-two-factor.command';
import {
  DisableTwoFactorDto,
  EnableTwoFactorDto,
  RecoveryCodesDto,
  TwoFactorSetupDto,
} from './dto/two-factor.dto';
import { twoFactorProblems } from './two-factor/two-factor.problems';

@ApiTags('auth')
@Controller({ path: 'auth/2fa', version: '1' })
@Access('user')
@RateLimit('auth')
export class TwoFactorController {
  constructor(private readonly commands: CommandBus) {}

  @Post('setup')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start two-factor setup: a new TOTP secret for the authenticator app',
    description:
      'Returns the secret, its otpauth URL and a QR code. Calling again replaces a pending secret. ' +
      '409 two_factor.already_enabled while 2FA is on. The secret is never shown again.',
  })
  @ApiOkResponse({ type: TwoFactorSetupDto })
  @ApiProblems(409)
  setUp(@CurrentPrincipal() principal: Principal): Promise<TwoFactorSetupDto> {
    return this.commands.execute(new SetUpTwoFactorCommand(principal.userId));
  }

  @Post('enable')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Turn two-factor authentication on with a code for the pending secret',
    description:
      'Answers the 10 recovery codes, shown only this once. 400 two_factor.invalid_otp for a wrong code, ' +
      '409 two_factor.setup_required without a pending secret, 409 two_factor.already_enabled.',
  })
  @ApiOkResponse({ type: RecoveryCodesDto })
  @ApiProblems(400, 409)
  enable(
    @CurrentPrincipal() principal: Principal,
    @Body() body: EnableTwoFactorDto,
  ): Promise<RecoveryCodesDto> {
    return this.commands.execute(new EnableTwoFactorCommand(principal.userId, body.otp));
  }

  @Post('disable')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Turn two-factor authentication off (password and a TOTP or recovery code)',
    description:
      'Clears the secret and the recovery codes. 401 auth.invalid_password or auth.invalid_otp ' +
      '(the bearer token stays valid), 400 two_factor.code_required, 409 two_factor.not_enabled.',
  })
  @ApiNoContentResponse({ description: 'Two-factor authentication is off' })
  @ApiProblems(400, 409)
  disable(
    @CurrentPrincipal() principal: Principal,
    @Body() body: DisableTwoFactorDto,
  ): Promise<void> {
    const code = body.otp ?? body.recoveryCode;
    if (!code) throw twoFactorProblems.codeRequired();
    return this.commands.execute(
      new DisableTwoFactorCommand(principal.userId, body.password, code),
    );
  }
}
