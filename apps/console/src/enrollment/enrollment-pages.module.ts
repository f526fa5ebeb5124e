import { Module } from '@nestjs/common';

/** The enrollment officers' pages: participants and their forms. */
@Module({})
export class EnrollmentPagesModule {}
