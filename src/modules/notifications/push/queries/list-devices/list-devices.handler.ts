import { EntityManager } from '@mikro-orm/postgresql';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AppConfig } from '@lib/config';
import { DeviceDto, type DeviceListDto } from '../../dto/device.dto';
import { PushDevice } from '../../entities/push-device.entity';
import { ListDevicesQuery } from './list-devices.query';

/** The caller's devices; never more than the per-user limit, so one page. */
@QueryHandler(ListDevicesQuery)
export class ListDevicesHandler implements IQueryHandler<ListDevicesQuery, DeviceListDto> {
  constructor(
    private readonly em: EntityManager,
    private readonly config: AppConfig,
  ) {}

  async execute({ userId }: ListDevicesQuery): Promise<DeviceListDto> {
    const devices = await this.em
      .fork()
      .find(PushDevice, { userId }, { orderBy: { lastSeenAt: 'desc', id: 'desc' } });
    return {
      items: devices.map((device) => DeviceDto.from(device)),
      limit: this.config.env.PUSH_MAX_DEVICES_PER_USER,
    };
  }
}
