export { PushModule } from './push.module';
export { PushSender } from './push-sender';
export { PushDevice } from './entities/push-device.entity';
export { PushDeviceRegistered, PushDeviceRemoved } from './events/push.events';
export { pushProblems } from './push.problems';
