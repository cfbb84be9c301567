import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Matches, MaxLength } from 'class-validator';
import { ReauthenticationDto } from './reauthentication.dto';

export class RequestEmailChangeDto extends ReauthenticationDto {
  @ApiProperty({ example: 'ada.new@example.com', format: 'email' })
  @IsEmail()
  @MaxLength(254)
  newEmail!: string;
}

export class EmailChangeTokenDto {
  @ApiProperty({
    example: 'ec_Vb3kQ2EXAMPLEtokenFromTheEmailedLink000000',
    description: 'From the emailed link (`ec_…` confirms, `ecx_…` cancels)',
  })
  @IsString()
  @MaxLength(200)
  @Matches(/^ecx?_[A-Za-z0-9_-]+$/, { message: 'token is not a change-of-email token' })
  token!: string;
}
