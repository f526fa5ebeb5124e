import { Module } from '@nestjs/common';

/** The sponsor operators' pages: programs, bulk enrolment, sponsor payments, the programs dashboard. */
@Module({})
export class ProgramsPagesModule {}
