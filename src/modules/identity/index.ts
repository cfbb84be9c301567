export { IdentityModule } from './identity.module';
export { ApiKey } from './entities/api-key.entity';
export { RefreshToken } from './entities/refresh-token.entity';
export { User } from './entities/user.entity';
export { UserIdentity } from './entities/user-identity.entity';
export { UserToken } from './entities/user-token.entity';
export { TokenService } from './token.service';
export { SessionService } from './sessions/session.service';
