import { Module } from '@nestjs/common';

/** The the claims dashboard. */
@Module({})
export class DashboardsPagesModule {}
