import { ApiProperty } from '@nestjs/swagger';

export class QueueBoardSessionDto {
  @ApiProperty({ example: '/admin/queues', description: 'Open this in the same browser' })
  url!: string;
  @ApiProperty({ format: 'date-time', description: 'When the console session (the cookie) ends' })
  expiresAt!: string;
}
