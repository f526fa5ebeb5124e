import { Inject, Injectable } from '@nestjs/common';
import type { EmployerEvent } from '@santunan/contracts/employers';
import {
  decideEmployer,
  evolveEmployer,
  initialEmployerState,
  type EmployerCommand,
  type EmployerState,
  type RegencyDirectory,
} from '@santunan/employers-domain';
import {
  ServiceRuntime,
  type CommandCause,
  type CommandResult,
  type EventSourcedRepository,
} from '@santunan/platform';
import { employerStreamId, EMPLOYER_STREAM } from './employers.streams';

/** The kabupaten/kota directory the employers deciders check codes against (a provider). */
export const EMPLOYERS_REGIONS = Symbol('employers:regions');

/** The write side of an employer: the pure decider with today and the regions bound in. */
@Injectable()
export class EmployerCommands {
  private readonly repository: EventSourcedRepository<EmployerEvent>;

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(EMPLOYERS_REGIONS) private readonly regions: RegencyDirectory,
  ) {
    this.repository = runtime.repository(EMPLOYER_STREAM);
  }

  handle(
    npp: string,
    command: EmployerCommand,
    cause: CommandCause,
  ): Promise<CommandResult<EmployerState>> {
    const context = { today: this.runtime.clock.today(), regions: this.regions };
    return this.repository.handle({
      ...cause,
      streamId: employerStreamId(npp),
      command,
      decider: {
        decide: (c: EmployerCommand, state: EmployerState) => decideEmployer(c, state, context),
        evolve: evolveEmployer,
        initialState: initialEmployerState,
      },
      // Company data: nothing is sealed, the key is the employer's own.
      dataSubjectId: `employer-${npp}`,
    });
  }

  async load(npp: string): Promise<EmployerState> {
    const { state } = await this.repository.load(employerStreamId(npp), {
      evolve: evolveEmployer,
      initialState: initialEmployerState,
    });
    return state;
  }
}
