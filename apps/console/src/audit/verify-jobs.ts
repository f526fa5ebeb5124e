import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional, type OnModuleDestroy } from '@nestjs/common';
import {
  defaultLogger,
  errorFields,
  PLATFORM_LOGGER,
  type PlatformLogger,
} from '@santunan/platform';
import {
  type AuditTargets,
  type AuditedService,
  type PlatformVerification,
  type VerifyPlatformOptions,
} from '@santunan/audit';
import { AUDIT_TARGETS } from './audit-explorer';

export type VerifyFunction = (
  targets: AuditTargets,
  options: VerifyPlatformOptions,
) => Promise<PlatformVerification>;

/** What runs the verification: the library's verifyPlatform, replaceable in unit tests. */
export const VERIFY_PLATFORM = Symbol('VERIFY_PLATFORM');

export interface StoreProgress {
  readonly service: AuditedService;
  readonly status: 'waiting' | 'verifying' | 'verified';
  readonly eventsVerified: number;
  readonly streamsVerified: number;
  readonly problems: number;
}

export interface VerifyJob {
  readonly jobId: string;
  /** The auditor who asked (actor id). */
  readonly startedBy: string;
  readonly startedAt: string;
  readonly status: 'running' | 'done' | 'failed';
  readonly stores: readonly StoreProgress[];
  readonly topics: { readonly read: number; readonly total: number } | null;
  /** 0…1: each store one step, reading the topics one more. */
  readonly fraction: number;
  readonly finishedAt: string | null;
  readonly result: PlatformVerification | null;
  /** Why it could not finish (a database or the broker unreachable), for the page. */
  readonly error: string | null;
}

/** Jobs kept for their pages after they finish; older ones are forgotten. */
const KEPT_JOBS = 20;

interface MutableJob {
  jobId: string;
  startedBy: string;
  startedAt: string;
  status: VerifyJob['status'];
  stores: StoreProgress[];
  topics: { read: number; total: number } | null;
  finishedAt: string | null;
  result: PlatformVerification | null;
  error: string | null;
}

/**
 * Verification on demand, in the background: a job per request, its progress kept here (in
 * this process) under its id for the progress page to poll. One verification runs at a time:
 * it reads every store and topic in full, so a second request joins the running one.
 */
@Injectable()
export class VerifyJobs implements OnModuleDestroy {
  private readonly logger: PlatformLogger;
  private readonly jobs = new Map<string, MutableJob>();
  private running: Promise<void> | null = null;

  constructor(
    @Inject(AUDIT_TARGETS) private readonly targets: AuditTargets,
    @Inject(VERIFY_PLATFORM) private readonly verify: VerifyFunction,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'audit-verify' });
  }

  /** Starts a verification, or returns the one already running. */
  start(auditorId: string, now: Date = new Date()): VerifyJob {
    const current = [...this.jobs.values()].find((job) => job.status === 'running');
    if (current !== undefined) return snapshot(current, this.targets);
    const job: MutableJob = {
      jobId: randomUUID(),
      startedBy: auditorId,
      startedAt: now.toISOString(),
      status: 'running',
      stores: this.targets.services.map((target) => ({
        service: target.service,
        status: 'waiting',
        eventsVerified: 0,
        streamsVerified: 0,
        problems: 0,
      })),
      topics: null,
      finishedAt: null,
      result: null,
      error: null,
    };
    this.jobs.set(job.jobId, job);
    this.forgetOld();
    this.running = this.run(job).finally(() => {
      this.running = null;
    });
    return snapshot(job, this.targets);
  }

  find(jobId: string): VerifyJob | null {
    const job = this.jobs.get(jobId);
    return job === undefined ? null : snapshot(job, this.targets);
  }

  /** Resolves when no verification is running (tests; shutting down). */
  async idle(): Promise<void> {
    await this.running;
  }

  async onModuleDestroy(): Promise<void> {
    await this.idle();
  }

  private async run(job: MutableJob): Promise<void> {
    const store = (service: AuditedService, change: Partial<StoreProgress>): void => {
      job.stores = job.stores.map((entry) =>
        entry.service === service ? { ...entry, ...change } : entry,
      );
    };
    try {
      const result = await this.verify(this.targets, {
        onStep: (step) => {
          if (step.kind === 'store-started') store(step.service, { status: 'verifying' });
          else if (step.kind === 'store-verified') {
            store(step.service, {
              status: 'verified',
              eventsVerified: step.eventsVerified,
              streamsVerified: step.streamsVerified,
              problems: step.problems,
            });
          } else job.topics = { read: step.read, total: step.total };
        },
      });
      job.result = result;
      job.status = 'done';
    } catch (error) {
      this.logger.error({ jobId: job.jobId, ...errorFields(error) }, 'verification failed');
      job.error = error instanceof Error ? error.message : String(error);
      job.status = 'failed';
    } finally {
      job.finishedAt = new Date().toISOString();
    }
  }

  private forgetOld(): void {
    const finished = [...this.jobs.values()].filter((job) => job.status !== 'running');
    for (const job of finished.slice(0, Math.max(0, this.jobs.size - KEPT_JOBS))) {
      this.jobs.delete(job.jobId);
    }
  }
}

function snapshot(job: MutableJob, targets: AuditTargets): VerifyJob {
  const steps = targets.services.length + 1;
  const storesDone = job.stores.filter((store) => store.status === 'verified').length;
  const topicsDone =
    job.result !== null
      ? 1
      : job.topics === null || job.topics.total === 0
        ? 0
        : job.topics.read / job.topics.total;
  return {
    ...job,
    stores: [...job.stores],
    topics: job.topics === null ? null : { ...job.topics },
    fraction: job.status === 'running' ? Math.min(1, (storesDone + topicsDone) / steps) : 1,
  };
}
