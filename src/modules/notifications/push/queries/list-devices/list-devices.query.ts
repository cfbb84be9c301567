import { Query } from '@nestjs/cqrs';
import type { DeviceListDto } from '../../dto/device.dto';

/** The user's devices, most recently seen first (at most PUSH_MAX_DEVICES_PER_USER). */
export class ListDevicesQuery extends Query<DeviceListDto> {
  constructor(readonly userId: string) {
    super();
  }
}
