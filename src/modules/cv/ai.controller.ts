import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiKeyScope, CurrentPrincipal, type Principal } from '@lib/authz';
import { RateLimit } from '@lib/rate-limit';
import { Access, ApiProblems } from '../../common/access.decorator';
import { PROVIDER_ERRORS } from './ai/provider-errors';
import { SuggestSkillsCommand } from './commands/suggest-skills/suggest-skills.command';
import { SkillsResultDto, SuggestSkillsDto } from './dto/cv-ai.dto';

/** `/v1/ai`: AI help that needs no CV of its own (skills for a job title). Pro and premium only. */
@ApiTags('ai')
@Controller({ path: 'ai', version: '1' })
@Access('user', { feature: 'aiEnhancement' })
export class AiSkillsController {
  constructor(private readonly commands: CommandBus) {}

  @Post('skills-suggest')
  @HttpCode(200)
  @RateLimit('ai')
  @ApiKeyScope('cv:read')
  @ApiOperation({
    summary: 'Skills to add for a job title and/or a CV',
    description:
      'At least one of `cvId` and `jobTitle` (400 otherwise). With a CV, its skills are left out ' +
      `and its \`basics.label\` is the default job title. ${PROVIDER_ERRORS}`,
  })
  @ApiOkResponse({ type: SkillsResultDto })
  @ApiProblems(400, 404, 422, 503)
  suggestSkills(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SuggestSkillsDto,
  ): Promise<SkillsResultDto> {
    return this.commands.execute(new SuggestSkillsCommand(principal, body.cvId, body.jobTitle));
  }
}
