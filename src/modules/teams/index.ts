export { TeamsModule } from './teams.module';
export { teamsProblems } from './teams.problems';
export { Team } from './entities/team.entity';
export { TeamMember } from './entities/team-member.entity';
export { TeamInvitation } from './entities/team-invitation.entity';
export { TeamDocumentShare } from './entities/team-document-share.entity';
export { TeamTemplate } from './entities/team-template.entity';
export { TeamDocumentComment } from './entities/team-document-comment.entity';
export * from './events/teams.events';
