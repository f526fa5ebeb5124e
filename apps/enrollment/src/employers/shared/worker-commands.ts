import { Inject, Injectable } from '@nestjs/common';
import type { WorkerEvent } from '@santunan/contracts/employers';
import {
  decideWorker,
  evolveWorker,
  initialWorkerState,
  type WorkerCommand,
  type WorkerState,
} from '@santunan/employers-domain';
import {
  ServiceRuntime,
  type CommandMetadata,
  type CommandResult,
  type EventSourcedRepository,
} from '@santunan/platform';
import { indonesianWorkingDayCalendar, type WorkingDayCalendar } from '@santunan/rules';
import { EmployerCommands } from './employer-commands';
import { WORKER_STREAM, workerStreamId } from './employers.streams';

export interface WorkerCommandRequest extends CommandMetadata<WorkerState> {
  readonly npp: string;
  readonly participantId: string;
  readonly command: WorkerCommand;
  /** The person's death as enrollment recorded it (registrations only). */
  readonly personDiedOn?: string;
}

/** The national holidays the rules library ships: the 7 working days are counted on them. */
function shippedCalendar(): WorkingDayCalendar {
  const calendar = indonesianWorkingDayCalendar();
  if (!calendar.ok)
    throw new Error(`the shipped holiday calendar is broken: ${calendar.error.message}`);
  return calendar.value;
}

/**
 * The write side of a worker's employment: the decider with today, the working-day calendar
 * and the employer's state bound in. The employer is read first; it only ever grows (branches,
 * risk classes), so a command decided on a just-outdated employer decides the same.
 */
@Injectable()
export class WorkerCommands {
  private readonly repository: EventSourcedRepository<WorkerEvent>;
  private readonly calendar = shippedCalendar();

  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(EmployerCommands) private readonly employers: EmployerCommands,
  ) {
    this.repository = runtime.repository(WORKER_STREAM);
  }

  async handle(request: WorkerCommandRequest): Promise<CommandResult<WorkerState>> {
    const { npp, participantId, command, personDiedOn, ...metadata } = request;
    const employer = await this.employers.load(npp);
    const context = {
      today: this.runtime.clock.today(),
      calendar: this.calendar,
      employer,
      ...(personDiedOn === undefined ? {} : { personDiedOn }),
    };
    return this.repository.handle({
      ...metadata,
      streamId: workerStreamId(npp, participantId),
      command,
      decider: {
        decide: (c: WorkerCommand, state: WorkerState) => decideWorker(c, state, context),
        evolve: evolveWorker,
        initialState: initialWorkerState,
      },
      // The worker is the data subject: erasing the participant's key shreds these too.
      dataSubjectId: participantId,
    });
  }

  async load(npp: string, participantId: string): Promise<WorkerState> {
    const { state } = await this.repository.load(workerStreamId(npp, participantId), {
      evolve: evolveWorker,
      initialState: initialWorkerState,
    });
    return state;
  }
}
