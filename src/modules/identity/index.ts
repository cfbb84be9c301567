export { IdentityModule } from './identity.module';
export { User } from './entities/user.entity';
export { TokenService } from './token.service';
