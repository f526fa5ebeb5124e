import type { CoverageEvent } from '@santunan/claims-domain';
import type { ContributionsEventType } from '@santunan/contracts';
import { EventHandlers, type ConsumedEvent, type Transaction } from '@santunan/platform';
import type { LateBound } from '../shared/late-bound';
import { jakartaDateOf } from '../shared/local-date';
import type { PendingClaimsReassessor } from '../reassess-pending-claim/pending-claims.reassessor';
import type { CoverageFactsStore } from './coverage-facts.store';
import {
  ContributionGraceExpiredDto,
  ContributionPaidDto,
  CoverageExtendedDto,
  CoverageLapsedDto,
  CoverageReinstatedDto,
  ParticipantSponsorshipEndedDto,
  RefundDueDto,
  SelfPayingMembershipStartedDto,
  SponsorshipStartedDto,
  payerOf,
} from './contributions-events.dto';

/** Stable: names the consumer group and its inbox rows. */
export const CONTRIBUTIONS_FACTS_CONSUMER = 'contributions-facts';

type Dto = { participantId: string };

/**
 * The local coverage projection, kept from `contributions.events`: each event is folded into
 * the participant's coverage facts in the inbox's transaction. A sponsor's payment, and a
 * sponsor's grace running out, also re-assess the participant's claims that wait for it
 * (product decision 1) — in the same transaction, so they see the payment just folded in.
 */
export function contributionsHandlers(
  coverage: CoverageFactsStore,
  reassessor: LateBound<PendingClaimsReassessor>,
): EventHandlers {
  const fold =
    <Data extends Dto>(toEvent: (data: Data) => CoverageEvent) =>
    async (event: ConsumedEvent<Data>, tx: Transaction): Promise<void> => {
      await coverage.apply(
        tx,
        event.data.participantId,
        toEvent(event.data),
        jakartaDateOf(event.occurredAt),
      );
    };
  const on = <Type extends ContributionsEventType>(type: Type): Type => type;

  return new EventHandlers()
    .on(
      on('SponsorshipStarted'),
      SponsorshipStartedDto,
      fold(({ programId, fromMonth, toMonth }) => ({
        type: 'SponsorshipStarted',
        data: { programId, fromMonth, toMonth },
      })),
    )
    .on(
      on('ParticipantSponsorshipEnded'),
      ParticipantSponsorshipEndedDto,
      fold(({ programId, lastMonth }) => ({
        type: 'ParticipantSponsorshipEnded',
        data: { programId, lastMonth },
      })),
    )
    .on(
      on('SelfPayingMembershipStarted'),
      SelfPayingMembershipStartedDto,
      fold(({ fromMonth }) => ({ type: 'SelfPayingMembershipStarted', data: { fromMonth } })),
    )
    .on(on('ContributionPaid'), ContributionPaidDto, async (event, tx) => {
      const { month, payer, paymentReference, paidAt, paidOn } = event.data;
      await fold<ContributionPaidDto>(() => ({
        type: 'ContributionPaid',
        data: { month, payer: payerOf(payer), paymentReference, paidAt, paidOn },
      }))(event, tx);
      if (payer.kind === 'program') {
        await (await reassessor.get()).reassess(tx, event.data.participantId, event);
      }
    })
    .on(
      on('CoverageExtended'),
      CoverageExtendedDto,
      fold(({ firstPaidMonth }) => ({ type: 'CoverageExtended', data: { firstPaidMonth } })),
    )
    .on(
      on('CoverageLapsed'),
      CoverageLapsedDto,
      fold(({ unpaidMonths, cause }) => ({ type: 'CoverageLapsed', data: { unpaidMonths, cause } })),
    )
    .on(
      on('CoverageReinstated'),
      CoverageReinstatedDto,
      fold(({ from }) => ({ type: 'CoverageReinstated', data: { from } })),
    )
    .on(
      on('RefundDue'),
      RefundDueDto,
      fold(({ lines }) => ({
        type: 'RefundDue',
        data: { lines: lines.map(({ month, paymentReference }) => ({ month, paymentReference })) },
      })),
    )
    .on(on('ContributionGraceExpired'), ContributionGraceExpiredDto, async (event, tx) => {
      await (await reassessor.get()).reassess(tx, event.data.participantId, event);
    });
}
