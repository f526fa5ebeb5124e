import { Inject, Injectable } from '@nestjs/common';
import { ProblemException, type Actor, type Role } from '@santunan/platform';
import { ProgramRegistry, type RegisteredProgram } from './program-registry';

/**
 * Who may act on a program: an admin, a sponsor operator named on the program (its opener by
 * default), or a role the route lets in for every program (finance for payments, auditor for
 * reports). Route-level @Roles has already let the caller in; this is the per-program part.
 */
@Injectable()
export class ProgramAccess {
  constructor(@Inject(ProgramRegistry) private readonly registry: ProgramRegistry) {}

  async check(
    actor: Actor,
    programId: string,
    everyProgramRoles: readonly Role[] = [],
  ): Promise<RegisteredProgram> {
    const program = await this.registry.find(programId);
    if (program === undefined) {
      throw new ProblemException(
        404,
        'PROGRAM_NOT_FOUND',
        'No such sponsor program',
        `no sponsor program ${programId}`,
      );
    }
    const roles = actor.roles ?? [];
    const allowed =
      roles.includes('admin') ||
      everyProgramRoles.some((role) => roles.includes(role)) ||
      (roles.includes('sponsor-operator') && program.operatorIds.includes(actor.id));
    if (!allowed) {
      throw new ProblemException(
        403,
        'PROGRAM_NOT_OPERATED',
        'Not an operator of this program',
        `${actor.id} does not operate sponsor program ${programId}`,
      );
    }
    return program;
  }
}
