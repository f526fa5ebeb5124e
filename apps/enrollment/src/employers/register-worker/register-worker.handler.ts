import { Inject, Injectable } from '@nestjs/common';
import { checkNik, type RegionDirectory } from '@santunan/enrollment-domain';
import type { RegisterWorker, WorkerState } from '@santunan/employers-domain';
import {
  DomainRejectedError,
  ServiceRuntime,
  type CommandCause,
  type CommandResult,
} from '@santunan/platform';
import { LookupHasher } from '../../shared/lookup-hasher';
import { NikAlreadyIndexedError, NikIndex } from '../../shared/nik-index';
import { REGION_DIRECTORY } from '../../shared/participant-commands';
import { EnrolledPeople } from '../shared/enrolled-people';
import { WorkerCommands } from '../shared/worker-commands';

export type WorkerRegistration = Omit<RegisterWorker, 'type' | 'participantId'>;

export interface WorkerRegistrationOutcome {
  readonly participantId: string;
  readonly result: CommandResult<WorkerState>;
}

const ATTEMPTS = 3;

/**
 * Registers an employer's worker as the person enrollment knows (ADR 0037): the NIK is checked
 * by enrollment's own rules, and enrollment's NIK index gives the person's participant id — a
 * BPU participant's, or a new id written to the index with the worker's registration, which a
 * later BPU registration of the same NIK then takes. So one person has one id, and one key
 * that seals their data in both contexts. No work starts after a death enrollment recorded.
 */
@Injectable()
export class RegisterWorkerHandler {
  constructor(
    @Inject(ServiceRuntime) private readonly runtime: ServiceRuntime,
    @Inject(WorkerCommands) private readonly workers: WorkerCommands,
    @Inject(NikIndex) private readonly nikIndex: NikIndex,
    @Inject(LookupHasher) private readonly hasher: LookupHasher,
    @Inject(REGION_DIRECTORY) private readonly regions: RegionDirectory,
    @Inject(EnrolledPeople) private readonly people: EnrolledPeople,
  ) {}

  async register(
    npp: string,
    worker: WorkerRegistration,
    cause: CommandCause,
  ): Promise<WorkerRegistrationOutcome> {
    const nik = checkNik(
      worker.nik,
      { birthDate: worker.birthDate, sex: worker.sex },
      this.regions,
    );
    if (!nik.ok) throw new DomainRejectedError({ code: nik.code, message: nik.message });
    const nikHash = this.hasher.nik(worker.nik);
    for (let attempt = 1; ; attempt += 1) {
      const existing = await this.nikIndex.find(this.runtime.database, nikHash);
      const participantId = existing ?? this.runtime.ids.next();
      const personDiedOn =
        existing === undefined ? undefined : await this.people.recordedDeath(existing);
      try {
        const result = await this.workers.handle({
          ...cause,
          npp,
          participantId,
          ...(personDiedOn === undefined ? {} : { personDiedOn }),
          command: { ...worker, type: 'RegisterWorker', participantId },
          alongside:
            existing === undefined
              ? (tx) =>
                  this.nikIndex.insert(tx, [{ nikHashHex: nikHash.toString('hex'), participantId }])
              : undefined,
        });
        return { participantId, result };
      } catch (error) {
        // Someone registered the same NIK meanwhile: try again as that person.
        if (error instanceof NikAlreadyIndexedError && attempt < ATTEMPTS) continue;
        throw error;
      }
    }
  }
}
