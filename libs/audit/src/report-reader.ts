import type { StorePosition } from '@santunan/platform';
import { kemendagriRegions } from '@santunan/enrollment-domain';
import { parsePeriod } from './period';
import { silent, type Progress } from './progress';
import {
  aggregateBenefits,
  benefitCategory,
  type BenefitReport,
  type MoneyMovement,
  type PayoutFact,
} from './report';
import { inSnapshot } from './sql';
import { formatPosition, readEvents, storeHead } from './store-reader';
import { targetOf, type AuditTargets, type AuditedService } from './targets';

export interface ReportRequest {
  /** `2026` or `2026-03`. */
  readonly period: string;
  /** Pinned positions (from an earlier run); each service's current head otherwise. */
  readonly at?: Readonly<Partial<Record<AuditedService, StorePosition>>>;
  readonly progress?: Progress;
}

/** The services a report reads: payout orders and money from payouts, regions from enrollment. */
export const REPORT_SERVICES: readonly AuditedService[] = ['enrollment', 'payouts'];

/**
 * Benefits paid in a period, computed from payouts' events (and enrollment's for the
 * kabupaten/kota) up to fixed event positions: pinned to the same positions, the report is
 * the same however many events were appended since.
 */
export async function benefitsReport(
  targets: AuditTargets,
  request: ReportRequest,
): Promise<BenefitReport> {
  const progress = request.progress ?? silent;
  const period = parsePeriod(request.period);
  const positions: Record<string, string> = {};

  // Without enrollment (a partial audit), payouts' own regency codes are all there is.
  const enrollment = targets.services.find((target) => target.service === 'enrollment');
  const regencyOf = new Map<string, string>();
  if (enrollment !== undefined)
    await inSnapshot(enrollment.databaseUrl, async (db) => {
      const upTo = request.at?.enrollment ?? (await storeHead(db));
      positions['enrollment'] = formatPosition(upTo);
      let count = 0;
      for await (const event of readEvents(db, 'enrollment', {
        upTo,
        types: ['ParticipantRegistered', 'ParticipantDetailsCorrected'],
      })) {
        const data = event.data as { participantId?: string; address?: { regencyCode?: string } };
        if (data.participantId !== undefined && data.address?.regencyCode !== undefined) {
          regencyOf.set(data.participantId, data.address.regencyCode);
        }
        count += 1;
        if (count % 10_000 === 0) progress(`report: ${count} enrollment events read`);
      }
    });

  const payoutsTarget = targetOf(targets, 'payouts');
  const payouts: PayoutFact[] = [];
  const movements: MoneyMovement[] = [];
  await inSnapshot(payoutsTarget.databaseUrl, async (db) => {
    const upTo = request.at?.payouts ?? (await storeHead(db));
    positions['payouts'] = formatPosition(upTo);
    let count = 0;
    for await (const event of readEvents(db, 'payouts', {
      upTo,
      types: ['PayoutScheduled', 'PayoutSettled', 'PayoutReturned'],
    })) {
      count += 1;
      if (count % 10_000 === 0) progress(`report: ${count} payouts events read`);
      if (event.type === 'PayoutScheduled') {
        const data = event.data as {
          payoutId: string;
          participantId: string;
          program: string;
          benefitType: string | null;
          regencyCode: string | null;
        };
        payouts.push({
          payoutId: data.payoutId,
          participantId: data.participantId,
          category: benefitCategory(data.program, data.benefitType),
          regencyCode: data.regencyCode ?? regencyOf.get(data.participantId) ?? null,
        });
      } else if (event.type === 'PayoutSettled') {
        const data = event.data as { payoutId: string; settledOn: string; amount: number };
        movements.push({
          payoutId: data.payoutId,
          kind: 'settled',
          on: data.settledOn,
          amount: data.amount,
        });
      } else {
        const data = event.data as { payoutId: string; returnedOn: string; amount: number };
        movements.push({
          payoutId: data.payoutId,
          kind: 'returned',
          on: data.returnedOn,
          amount: data.amount,
        });
      }
    }
    progress(`report: ${count} payouts events read`);
  });
  const regions = kemendagriRegions();
  return aggregateBenefits(period, positions, payouts, movements, (code) =>
    regions.regencyName(code),
  );
}
