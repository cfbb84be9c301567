export { IdentityModule } from './identity.module';
export { RefreshToken } from './entities/refresh-token.entity';
export { User } from './entities/user.entity';
export { TokenService } from './token.service';
export { SessionService } from './sessions/session.service';
