export { PlansModule } from './plans.module';
export { PlanRecord } from './entities/plan.entity';
