import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  accepted,
  DomainRejectedError,
  defaultLogger,
  errorFields,
  PLATFORM_LOGGER,
  type PlatformLogger,
} from '@santunan/platform';
import type { AutoBatchMode } from '../config/payouts-config';
import { MarkBatchInstructedHandler } from '../mark-batch-instructed/mark-batch-instructed.handler';
import { SYSTEM_ACTORS } from '../shared/cause';
import { PrepareBatchHandler } from './prepare-batch.handler';

export const AUTO_BATCH_INTERVAL_MS = Symbol('AutoBatchIntervalMs');
export const AUTO_BATCH_MODE = Symbol('AutoBatchMode');

/** Payouts per automatic batch; the rest go in the next one. */
const AUTO_BATCH_LIMIT = 1000;

/**
 * Optionally prepares a batch of every scheduled payout at a fixed interval, so an approved
 * decision is in a bank file without anyone asking (banks take batch files on a schedule
 * anyway). The same two steps as finance's (ADR 0035): in `host-to-host` mode the batch is then
 * marked instructed by the scheduler itself (the bank collects the files over its direct
 * channel); in `prepare` mode a finance officer marks it once the file is uploaded. Replicas
 * may tick together: each payout's decider lets one batch take it, and marking twice is nothing.
 */
@Injectable()
export class AutoBatchScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: PlatformLogger;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    @Inject(PrepareBatchHandler) private readonly handler: PrepareBatchHandler,
    @Inject(MarkBatchInstructedHandler) private readonly marks: MarkBatchInstructedHandler,
    @Inject(AUTO_BATCH_INTERVAL_MS) private readonly intervalMs: number | null,
    @Inject(AUTO_BATCH_MODE) private readonly mode: AutoBatchMode,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'auto-batch' });
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs === null) return;
    this.timer = setInterval(() => {
      this.tick ??= this.prepare().finally(() => {
        this.tick = undefined;
      });
    }, this.intervalMs);
  }

  /** Before the runtime stops: no batch may be half-way when its database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
  }

  private async prepare(): Promise<void> {
    try {
      const cause = {
        actor: SYSTEM_ACTORS.autoBatch,
        correlationId: randomUUID(),
        causationId: null,
      };
      const batch = await this.handler.prepare({ limit: AUTO_BATCH_LIMIT }, cause);
      if (this.mode === 'host-to-host') {
        accepted(await this.marks.mark({ batchId: batch.batchId, bankReference: null }, cause));
      }
      this.logger.info(
        { batchId: batch.batchId, payouts: batch.payouts.length, total: batch.total },
        `batch ${batch.batchId} ${this.mode === 'host-to-host' ? 'instructed' : 'prepared'}: ${batch.payouts.length} payout(s), Rp${batch.total}`,
      );
    } catch (error) {
      if (error instanceof DomainRejectedError && error.rejection.code === 'BATCH_EMPTY') return;
      this.logger.warn(errorFields(error), 'automatic batch failed');
    }
  }
}
