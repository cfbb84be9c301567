import { Body, Controller, Delete, HttpCode, Patch, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Access, ApiProblems } from '../../common/access.decorator';
import { IdParam } from '../../common/id-param';
import { DeleteTermCommand } from './commands/delete-term/delete-term.command';
import { SaveTermCommand } from './commands/save-term/save-term.command';
import { BlogTermDto } from './dto/blog-public.dto';
import { CreateBlogTermDto, UpdateBlogTermDto } from './dto/blog-taxonomy.dto';
import { Idempotent } from '../idempotency';

/** `/v1/admin/blog/tags`: editors create and rename, admins also delete. */
@ApiTags('blog-admin')
@Controller({ path: 'admin/blog/tags', version: '1' })
export class AdminBlogTagsController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Idempotent()
  @Access('editor')
  @ApiOperation({ summary: 'Create a tag (slug generated from the name unless given)' })
  @ApiCreatedResponse({ type: BlogTermDto })
  @ApiProblems(400, 409)
  create(@Body() body: CreateBlogTermDto): Promise<BlogTermDto> {
    return this.commands.execute(new SaveTermCommand('tag', undefined, body));
  }

  @Patch(':id')
  @Access('editor')
  @ApiOperation({ summary: 'Rename a tag or change its slug or description' })
  @ApiOkResponse({ type: BlogTermDto })
  @ApiProblems(400, 404, 409)
  update(@IdParam() id: string, @Body() body: UpdateBlogTermDto): Promise<BlogTermDto> {
    return this.commands.execute(new SaveTermCommand('tag', id, body));
  }

  @Delete(':id')
  @Access('admin')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a tag (taken off every post)' })
  @ApiNoContentResponse({ description: 'Deleted' })
  @ApiProblems(400, 404)
  async remove(@IdParam() id: string): Promise<void> {
    await this.commands.execute(new DeleteTermCommand('tag', id));
  }
}
