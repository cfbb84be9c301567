import { ApiProperty } from '@nestjs/swagger';
import { NETWORK_RULES, SOCIAL_NETWORKS, type SocialNetworkInfo } from '@lib/providers';

export class NetworkRulesDto {
  @ApiProperty({ example: 280 })
  maxTextLength!: number;

  @ApiProperty({
    type: Number,
    nullable: true,
    example: 23,
    description: 'Characters a link counts as (X).',
  })
  linkLength!: number | null;

  @ApiProperty({ example: false })
  mediaRequired!: boolean;

  @ApiProperty({ example: 4 })
  maxImages!: number;

  @ApiProperty({ example: 1 })
  maxVideos!: number;

  @ApiProperty({ example: false })
  mixedMedia!: boolean;

  @ApiProperty({ type: [String], example: ['image/jpeg', 'image/png'] })
  imageTypes!: string[];

  @ApiProperty({ type: [String], example: ['video/mp4'] })
  videoTypes!: string[];

  @ApiProperty({ example: 5242880 })
  maxImageBytes!: number;

  @ApiProperty({ example: 536870912 })
  maxVideoBytes!: number;

  @ApiProperty({ type: Number, nullable: true, example: 30 })
  maxHashtags!: number | null;

  @ApiProperty({ example: true })
  threads!: boolean;
}

export class SocialNetworkDto {
  @ApiProperty({ enum: SOCIAL_NETWORKS, example: 'linkedin' })
  name!: string;

  @ApiProperty({ example: 'LinkedIn' })
  label!: string;

  @ApiProperty({
    enum: ['available', 'not_configured', 'disabled'],
    example: 'not_configured',
    description:
      '`available`: can be connected. `not_configured`: OAuth app credentials missing. ' +
      '`disabled`: the sandbox where it is off.',
  })
  status!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Missing LINKEDIN_CLIENT_ID, LINKEDIN_CLIENT_SECRET',
  })
  reason!: string | null;

  @ApiProperty({
    type: NetworkRulesDto,
    description: 'What a post must satisfy, checked before it is accepted.',
  })
  rules!: NetworkRulesDto;

  static of(info: SocialNetworkInfo): SocialNetworkDto {
    return { ...info, rules: { ...NETWORK_RULES[info.name] } };
  }
}

export class SocialNetworkListDto {
  @ApiProperty({ type: [SocialNetworkDto] })
  items!: SocialNetworkDto[];
}

export class SocialConnectStartDto {
  @ApiProperty({ example: 'linkedin' })
  network!: string;

  @ApiProperty({
    example:
      'https://www.linkedin.com/oauth/v2/authorization?response_type=code&client_id=…&state=…',
    description: 'Send the browser here; the network returns it to the callback within 10 minutes.',
  })
  authorizeUrl!: string;
}
