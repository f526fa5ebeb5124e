import { eventPayloadSchemas } from '@santunan/contracts';
import { Module, type DynamicModule } from '@nestjs/common';
import { kemendagriRegions } from '@santunan/enrollment-domain';
import {
  ServicePlatformModule,
  ServiceRuntime,
  simulationImports,
  type ServiceRuntimeOptions,
} from '@santunan/platform';
import { BatchEnroller } from './bulk-enrollment/batch-enroller';
import { CsvUploadReceiver } from './bulk-enrollment/csv-upload.receiver';
import { EnrollmentJobController } from './bulk-enrollment/enrollment-job.http.controller';
import { EnrollmentJobStore } from './bulk-enrollment/enrollment-job.store';
import { EnrollmentJobWorker } from './bulk-enrollment/enrollment-job.worker';
import { JobWorkerLifecycle } from './bulk-enrollment/job-worker.lifecycle';
import { UploadWorkersController } from './bulk-enrollment/upload-workers.http.controller';
import { ChangeDeclaredIncomeHandler } from './change-declared-income/change-declared-income.handler';
import { ChangeDeclaredIncomeController } from './change-declared-income/change-declared-income.http.controller';
import type { EnrollmentConfig } from './config/enrollment-config';
import { CorrectParticipantDetailsHandler } from './correct-participant-details/correct-participant-details.handler';
import { CorrectParticipantDetailsController } from './correct-participant-details/correct-participant-details.http.controller';
import { EnrollmentTables1764200000000 } from './database/enrollment-tables.migration';
import { EmployersModule } from './employers/employers.module';
import { withEmployersRejections } from './employers/shared/employers-rejections';
import { DesignateHeirsHandler } from './designate-heirs/designate-heirs.handler';
import { DesignateHeirsController } from './designate-heirs/designate-heirs.http.controller';
import { ParticipantViewController } from './participant-view/participant-view.http.controller';
import { ParticipantViewProjection } from './participant-view/participant-view.projection';
import { ParticipantViewReader } from './participant-view/participant-view.reader';
import { ProgramWorkersController } from './program-workers/program-workers.http.controller';
import { ProgramWorkersReader } from './program-workers/program-workers.reader';
import { ParticipantPresenter } from './participant-view/participant.presenter';
import { RecordDeathHandler } from './record-death/record-death.handler';
import { RecordDeathController } from './record-death/record-death.http.controller';
import { RecordDeathKafkaController } from './record-death/record-death.kafka.controller';
import { RegisterChildHandler } from './register-child/register-child.handler';
import { RegisterChildController } from './register-child/register-child.http.controller';
import { RegisterParticipantHandler } from './register-participant/register-participant.handler';
import { RegisterParticipantController } from './register-participant/register-participant.http.controller';
import { ENROLLMENT_REJECTIONS } from './shared/enrollment-rejections';
import { LookupHasher } from './shared/lookup-hasher';
import { NikIndex } from './shared/nik-index';
import { ParticipantCommands, REGION_DIRECTORY } from './shared/participant-commands';

/** Stable: names the consumer group and its inbox rows. */
export const CLAIMS_DEATHS_CONSUMER = 'claims-deaths';

/**
 * The enrollment service's composition root. The runtime (database, event store, relay,
 * projections, consumer groups) comes from the platform module; each use case has a handler
 * (a provider) behind thin HTTP/Kafka controllers; the consumer's controller is
 * RecordDeathKafkaController, run by the Kafka transport (connectEventTransport).
 */
@Module({})
export class EnrollmentModule {
  static forRoot(config: EnrollmentConfig): DynamicModule {
    const regions = kemendagriRegions();
    const hasher = new LookupHasher(config.lookupKey);
    const runtimeOptions: ServiceRuntimeOptions = {
      config: config.service,
      topic: config.eventsTopic,
      migrations: [EnrollmentTables1764200000000],
      // The hosted employers context answers its own codes (ADR 0037).
      rejections: withEmployersRejections(ENROLLMENT_REJECTIONS),
      projections: [(runtime) => new ParticipantViewProjection(runtime.cipher, hasher)],
      // Every consumed payload is checked against its published schema first (ADR 0019).
      eventSchemas: eventPayloadSchemas,
      consumers: [
        {
          name: CLAIMS_DEATHS_CONSUMER,
          topics: [config.claimsTopic],
          publishedBy: 'claims',
        },
      ],
      ...(config.clock === undefined ? {} : { clock: config.clock }),
    };
    return {
      module: EnrollmentModule,
      imports: [
        ServicePlatformModule.forRoot(runtimeOptions),
        ...simulationImports(config.clock),
        EmployersModule.forHost({ hasher, regions }),
      ],
      controllers: [
        RegisterParticipantController,
        CorrectParticipantDetailsController,
        ChangeDeclaredIncomeController,
        DesignateHeirsController,
        RecordDeathController,
        RegisterChildController,
        ParticipantViewController,
        ProgramWorkersController,
        UploadWorkersController,
        EnrollmentJobController,
        RecordDeathKafkaController,
      ],
      providers: [
        { provide: LookupHasher, useValue: hasher },
        { provide: REGION_DIRECTORY, useValue: regions },
        NikIndex,
        ParticipantCommands,
        {
          provide: ParticipantViewProjection,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => runtime.projection(ParticipantViewProjection),
        },
        ParticipantPresenter,
        ParticipantViewReader,
        {
          provide: ProgramWorkersReader,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new ProgramWorkersReader(runtime.database),
        },
        RegisterParticipantHandler,
        CorrectParticipantDetailsHandler,
        ChangeDeclaredIncomeHandler,
        DesignateHeirsHandler,
        RegisterChildHandler,
        RecordDeathHandler,
        // The bulk CSV enrolment: a job worker with its own batch path (ADR 0021).
        {
          provide: EnrollmentJobStore,
          inject: [ServiceRuntime],
          useFactory: (runtime: ServiceRuntime) => new EnrollmentJobStore(runtime.database),
        },
        {
          provide: BatchEnroller,
          inject: [ServiceRuntime, ParticipantCommands, NikIndex, EnrollmentJobStore],
          useFactory: (
            runtime: ServiceRuntime,
            participants: ParticipantCommands,
            nikIndex: NikIndex,
            jobs: EnrollmentJobStore,
          ) => new BatchEnroller(runtime, participants, nikIndex, hasher, jobs, regions),
        },
        {
          provide: EnrollmentJobWorker,
          inject: [ServiceRuntime, EnrollmentJobStore, BatchEnroller],
          useFactory: (
            runtime: ServiceRuntime,
            jobs: EnrollmentJobStore,
            enroller: BatchEnroller,
          ) =>
            new EnrollmentJobWorker(
              runtime.database,
              jobs,
              enroller,
              config.bulk,
              runtime.logger.child({ component: 'enrollment-jobs' }),
            ),
        },
        {
          provide: CsvUploadReceiver,
          inject: [ServiceRuntime, EnrollmentJobStore, EnrollmentJobWorker],
          useFactory: (
            runtime: ServiceRuntime,
            jobs: EnrollmentJobStore,
            worker: EnrollmentJobWorker,
          ) => new CsvUploadReceiver(jobs, runtime.ids, config.bulk, () => worker.wake()),
        },
        JobWorkerLifecycle,
      ],
    };
  }
}
