import { LockMode } from '@mikro-orm/core';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@lib/event-store';
import { cvNotFound } from '../../cv.policies';
import { Cv } from '../../entities/cv.entity';
import { TransferCvCommand } from './transfer-cv.command';

@CommandHandler(TransferCvCommand)
export class TransferCvHandler implements ICommandHandler<TransferCvCommand, void> {
  constructor(private readonly uow: UnitOfWork) {}

  async execute({ cvId, fromUserId, toUserId }: TransferCvCommand): Promise<void> {
    await this.uow.run(async (em) => {
      const cv = await em.findOne(
        Cv,
        { id: cvId, ownerId: fromUserId, deletedAt: null },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!cv) throw cvNotFound();
      cv.transferTo(toUserId);
    });
  }
}
