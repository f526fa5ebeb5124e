import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { EnrollmentJobWorker } from './enrollment-job.worker';

/**
 * Starts the job worker once the app is up (resuming unfinished jobs) and stops it before the
 * runtime closes the database (module destroy runs before application shutdown).
 */
@Injectable()
export class JobWorkerLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(@Inject(EnrollmentJobWorker) private readonly worker: EnrollmentJobWorker) {}

  onApplicationBootstrap(): void {
    this.worker.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.worker.stop();
  }
}
