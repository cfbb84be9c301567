import { Body, Controller, Delete, HttpCode, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { RemoveAvatarCommand } from './commands/remove-avatar/remove-avatar.command';
import { SetAvatarCommand } from './commands/set-avatar/set-avatar.command';
import { SetAvatarDto } from './dto/avatar.dto';
import { MeDto } from './dto/me.dto';

@ApiTags('me')
@Controller({ path: 'me/avatar', version: '1' })
@Access('user')
export class MeAvatarController {
  constructor(private readonly commands: CommandBus) {}

  @Put()
  @ApiOperation({
    summary: 'Use one of your profile-image uploads as your picture',
    description:
      'Upload with POST /v1/files (`kind` `profile-image`: JPEG, PNG or WebP up to 5 MB) and wait ' +
      'until it is `ready`: it is scanned, turned upright by its EXIF orientation, stripped of ' +
      'metadata (EXIF, GPS) and cropped square at 256 and 1024 px in WebP and JPEG. The answer ' +
      'is GET /v1/me with `avatar` URLs (CDN_URL when configured). The picture it replaces is ' +
      'deleted. 404 when the file is not yours, 409 `files.not_ready` while it is still being ' +
      'scanned or processed, 422 `files.rejected` when it was rejected (malware, unreadable) or ' +
      'is not a profile image.',
  })
  @ApiOkResponse({ type: MeDto })
  @ApiProblems(400, 404, 409, 422)
  set(@CurrentPrincipal() principal: Principal, @Body() body: SetAvatarDto): Promise<MeDto> {
    return this.commands.execute(new SetAvatarCommand(principal.userId, body.fileId));
  }

  @Delete()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove your picture (its upload is deleted)',
    description: 'Having none is fine too.',
  })
  @ApiNoContentResponse({ description: 'No picture' })
  remove(@CurrentPrincipal() principal: Principal): Promise<void> {
    return this.commands.execute(new RemoveAvatarCommand(principal.userId));
  }
}
