import { Body, Controller, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@lib/authz';
import { Access, ApiProblems } from '../../common/access.decorator';
import { UpdateAuthorProfileCommand } from './commands/update-author-profile/update-author-profile.command';
import { BlogAuthorDto } from './dto/blog-public.dto';
import { UpdateBlogAuthorProfileDto } from './dto/blog-taxonomy.dto';

/** `/v1/admin/blog/authors`: an editor's own public author profile. */
@ApiTags('blog-admin')
@Controller({ path: 'admin/blog/authors', version: '1' })
export class AdminBlogAuthorsController {
  constructor(private readonly commands: CommandBus) {}

  @Put('me')
  @Access('editor')
  @ApiOperation({
    summary: 'Set your public author profile: name, slug, bio, avatar, social links',
  })
  @ApiOkResponse({ type: BlogAuthorDto })
  @ApiProblems(400, 409)
  update(
    @CurrentPrincipal() principal: Principal,
    @Body() body: UpdateBlogAuthorProfileDto,
  ): Promise<BlogAuthorDto> {
    return this.commands.execute(new UpdateAuthorProfileCommand(principal, body));
  }
}
