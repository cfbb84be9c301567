export { QueuesConsoleModule } from './queues-console.module';
export { mountQueueBoard, QUEUE_BOARD_PATH } from './queue-board';
