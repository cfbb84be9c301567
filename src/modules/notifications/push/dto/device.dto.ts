import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { PushPlatform } from '@lib/providers';
import type { PushDevice } from '../entities/push-device.entity';

export const PUSH_PLATFORMS: PushPlatform[] = ['fcm', 'webpush'];
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

export class WebPushKeysDto {
  @ApiProperty({
    description: 'The browser’s P-256 public key (base64url, 65 bytes uncompressed).',
    example:
      'BNcRdreALRFXTkOOUHK1EtK2wtaz5Ry4YfYCA_0QTpQtUbVlUls0VJXg7A8u-Ts1XbjhazAkj7I99e8QcYP7DkM',
  })
  @IsString()
  @MaxLength(200)
  @Matches(BASE64URL)
  p256dh!: string;

  @ApiProperty({
    description: 'The 16-byte auth secret (base64url).',
    example: 'tBHItJI5svbpez7KI4CCXg',
  })
  @IsString()
  @MaxLength(100)
  @Matches(BASE64URL)
  auth!: string;
}

/** `PushSubscription.toJSON()` as browsers produce it. */
export class WebPushSubscriptionDto {
  @ApiProperty({
    description:
      'The push service URL the browser gave (HTTPS; a known push service in production).',
    example: 'https://fcm.googleapis.com/fcm/send/dpH5lCsTSSM:APA91bH...',
    maxLength: 2048,
  })
  @IsString()
  @MaxLength(2048)
  endpoint!: string;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: 'Milliseconds since the epoch when the subscription expires; usually null.',
    example: null,
  })
  @IsOptional()
  @IsNumber()
  expirationTime?: number | null;

  @ApiProperty({ type: WebPushKeysDto })
  @ValidateNested()
  @Type(() => WebPushKeysDto)
  keys!: WebPushKeysDto;
}

export class RegisterDeviceDto {
  @ApiProperty({ enum: PUSH_PLATFORMS, example: 'webpush' })
  @IsIn(PUSH_PLATFORMS)
  platform!: PushPlatform;

  @ApiPropertyOptional({
    description: 'FCM registration token (platform `fcm` only).',
    example: 'fKx3...:APA91bG...',
    maxLength: 4096,
  })
  @ValidateIf((dto: RegisterDeviceDto) => dto.platform === 'fcm' || dto.token !== undefined)
  @IsString()
  @MinLength(8)
  @MaxLength(4096)
  token?: string;

  @ApiPropertyOptional({
    type: WebPushSubscriptionDto,
    description: 'The browser’s push subscription (platform `webpush` only).',
  })
  @ValidateIf(
    (dto: RegisterDeviceDto) => dto.platform === 'webpush' || dto.subscription !== undefined,
  )
  @IsDefined()
  @ValidateNested()
  @Type(() => WebPushSubscriptionDto)
  subscription?: WebPushSubscriptionDto;

  @ApiPropertyOptional({ example: 'Firefox on my laptop', maxLength: 100 })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  name?: string;
}

export class DeviceDto {
  @ApiProperty({ format: 'uuid', example: '01936f0e-7b7a-7c4e-9a51-2f0f1c2d3e4f' })
  id!: string;

  @ApiProperty({ enum: PUSH_PLATFORMS, example: 'webpush' })
  platform!: PushPlatform;

  @ApiProperty({ type: String, nullable: true, example: 'Firefox on my laptop' })
  name!: string | null;

  @ApiProperty({
    description:
      'Tells devices apart without showing the token: the push service’s origin for Web Push, ' +
      'the token’s last 8 characters for FCM.',
    example: 'https://fcm.googleapis.com',
  })
  hint!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time', description: 'Last time the device registered itself.' })
  lastSeenAt!: string;

  static from(device: PushDevice): DeviceDto {
    return {
      id: device.id,
      platform: device.platform,
      name: device.name ?? null,
      hint: device.platform === 'webpush' ? originOf(device.token) : `…${device.token.slice(-8)}`,
      createdAt: device.createdAt.toISOString(),
      lastSeenAt: device.lastSeenAt.toISOString(),
    };
  }
}

export class DeviceListDto {
  @ApiProperty({ type: [DeviceDto] })
  items!: DeviceDto[];

  @ApiProperty({
    example: 10,
    description: 'Devices per user; registering one more drops the least recently seen.',
  })
  limit!: number;
}

export class VapidPublicKeyDto {
  @ApiProperty({
    description: 'Pass as `applicationServerKey` to `pushManager.subscribe()` (base64url, P-256).',
    example:
      'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U',
  })
  publicKey!: string;
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'unknown';
  }
}
