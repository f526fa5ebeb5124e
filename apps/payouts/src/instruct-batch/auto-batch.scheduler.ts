import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Optional,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import {
  DomainRejectedError,
  defaultLogger,
  errorFields,
  PLATFORM_LOGGER,
  type PlatformLogger,
} from '@santunan/platform';
import { SYSTEM_ACTORS } from '../shared/cause';
import { InstructBatchHandler } from './instruct-batch.handler';

export const AUTO_BATCH_INTERVAL_MS = Symbol('AutoBatchIntervalMs');

/** Payouts per automatic batch; the rest go in the next one. */
const AUTO_BATCH_LIMIT = 1000;

/**
 * Optionally hands every scheduled payout to the bank at a fixed interval, so an approved
 * decision becomes a bank instruction without anyone asking (banks take batch files on a
 * schedule anyway). Replicas may tick together: each payout's decider lets one batch take it.
 */
@Injectable()
export class AutoBatchScheduler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger: PlatformLogger;
  private timer: NodeJS.Timeout | undefined;
  private tick: Promise<void> | undefined;

  constructor(
    @Inject(InstructBatchHandler) private readonly handler: InstructBatchHandler,
    @Inject(AUTO_BATCH_INTERVAL_MS) private readonly intervalMs: number | null,
    @Optional() @Inject(PLATFORM_LOGGER) logger?: PlatformLogger,
  ) {
    this.logger = (logger ?? defaultLogger()).child({ component: 'auto-batch' });
  }

  onApplicationBootstrap(): void {
    if (this.intervalMs === null) return;
    this.timer = setInterval(() => {
      this.tick ??= this.instruct().finally(() => {
        this.tick = undefined;
      });
    }, this.intervalMs);
  }

  /** Before the runtime stops: no batch may be half-way when its database closes. */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.tick;
  }

  private async instruct(): Promise<void> {
    try {
      const batch = await this.handler.instruct(
        { limit: AUTO_BATCH_LIMIT },
        { actor: SYSTEM_ACTORS.autoBatch, correlationId: randomUUID(), causationId: null },
      );
      this.logger.info(
        { batchId: batch.batchId, payouts: batch.payouts.length, total: batch.total },
        `batch ${batch.batchId}: ${batch.payouts.length} payout(s), Rp${batch.total}`,
      );
    } catch (error) {
      if (error instanceof DomainRejectedError && error.rejection.code === 'BATCH_EMPTY') return;
      this.logger.warn(errorFields(error), 'automatic batch failed');
    }
  }
}
