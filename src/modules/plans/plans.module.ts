import { Module } from '@nestjs/common';
import { PlanCatalogSeeder } from './plan-catalog.seeder';
import { PlansController } from './plans.controller';

@Module({ controllers: [PlansController], providers: [PlanCatalogSeeder] })
export class PlansModule {}
