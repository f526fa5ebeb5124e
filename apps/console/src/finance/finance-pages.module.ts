import { Module } from '@nestjs/common';

/** The finance officers' pages: payouts, bank batches, settlements, reissues, reconciliation. */
@Module({})
export class FinancePagesModule {}
