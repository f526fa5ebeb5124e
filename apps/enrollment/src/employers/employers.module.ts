import { Module, type DynamicModule } from '@nestjs/common';
import type { RegionDirectory } from '@santunan/enrollment-domain';
import { LookupHasher } from '../shared/lookup-hasher';
import { NikIndex } from '../shared/nik-index';
import { REGION_DIRECTORY } from '../shared/participant-commands';
import { ChangeRiskClassController } from './change-risk-class/change-risk-class.http.controller';
import { EmployerViewController } from './employer-view/employer-view.http.controller';
import { OpenBranchController } from './open-branch/open-branch.http.controller';
import { RecordWorkerLeavingController } from './record-worker-leaving/record-worker-leaving.http.controller';
import { RegisterEmployerController } from './register-employer/register-employer.http.controller';
import { RegisterWorkerHandler } from './register-worker/register-worker.handler';
import { RegisterWorkerController } from './register-worker/register-worker.http.controller';
import { ReportWageController } from './report-wage/report-wage.http.controller';
import { EmployerCommands, EMPLOYERS_REGIONS } from './shared/employer-commands';
import { EnrolledPeople } from './shared/enrolled-people';
import { WorkerCommands } from './shared/worker-commands';

/** What the employers module takes from its host, the enrollment service (ADR 0037). */
export interface EmployersHost {
  /** The keyed NIK hash of enrollment's NIK index: a worker is the person it names. */
  readonly hasher: LookupHasher;
  /** Kemendagri regions, for the NIK check and the employers' regency codes. */
  readonly regions: RegionDirectory;
}

/**
 * The employers context (PU employers, their workers and wage reports), hosted by the
 * enrollment process: its own streams and events, the host's runtime (database, outbox,
 * topic) and, for the worker as a person, enrollment's NIK rules and NIK index.
 */
@Module({})
export class EmployersModule {
  static forHost(host: EmployersHost): DynamicModule {
    return {
      module: EmployersModule,
      controllers: [
        RegisterEmployerController,
        OpenBranchController,
        ChangeRiskClassController,
        RegisterWorkerController,
        ReportWageController,
        RecordWorkerLeavingController,
        EmployerViewController,
      ],
      providers: [
        { provide: LookupHasher, useValue: host.hasher },
        { provide: REGION_DIRECTORY, useValue: host.regions },
        { provide: EMPLOYERS_REGIONS, useValue: host.regions },
        NikIndex,
        EmployerCommands,
        WorkerCommands,
        EnrolledPeople,
        RegisterWorkerHandler,
      ],
    };
  }
}
