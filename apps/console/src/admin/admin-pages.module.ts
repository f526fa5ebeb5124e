import { Module } from '@nestjs/common';

/** The administrators' pages: users and roles through Keycloak, the simulation clock. */
@Module({})
export class AdminPagesModule {}
