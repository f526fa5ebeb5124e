import { monthOf } from '@santunan/domain-kernel';
import type { MembershipPeriod } from '@santunan/contributions-domain';
import { ProblemException, type Clock, type SqlExecutor } from '@santunan/platform';
import type { DueLine, RefundLine } from './coverage-record';
import type { CoverageViewDto, MembershipDto } from './coverage-view.dto';

interface CoverageRow {
  participant_id: string;
  standing: string;
  paid_through: string | null;
  first_paid_month: string | null;
  masa_iur_months: number;
  arrears_months: string[];
  memberships: MembershipPeriod[];
  dues: DueLine[];
  refunds: RefundLine[];
  date_of_death: string | null;
  version: number;
}

function membershipDto(period: MembershipPeriod): MembershipDto {
  return period.kind === 'self-paying'
    ? { kind: 'self-paying', fromMonth: period.fromMonth, toMonth: period.toMonth }
    : {
        kind: 'sponsored',
        programId: period.programId,
        fromMonth: period.fromMonth,
        toMonth: period.toMonth,
      };
}

/** Reads `coverage_view`; the current membership depends on today, so it is found here. */
export class CoverageViewReader {
  constructor(
    private readonly database: SqlExecutor,
    private readonly clock: Clock,
  ) {}

  async find(participantId: string): Promise<CoverageViewDto> {
    const [row] = await this.database.query<CoverageRow>(
      'select * from coverage_view where participant_id = $1',
      [participantId],
    );
    if (row === undefined) {
      throw new ProblemException(
        404,
        'COVERAGE_NOT_FOUND',
        'No coverage for this participant',
        `contributions has no account for participant ${participantId} (yet): it opens when enrollment's registration arrives`,
      );
    }
    const month = monthOf(this.clock.today());
    const afterDeath = row.date_of_death !== null && month > monthOf(row.date_of_death);
    const current = afterDeath
      ? undefined
      : row.memberships.find(
          (period) =>
            period.fromMonth <= month && (period.toMonth === null || month <= period.toMonth),
        );
    return {
      participantId: row.participant_id,
      standing: row.standing,
      paidThrough: row.paid_through,
      firstPaidMonth: row.first_paid_month,
      masaIurMonths: row.masa_iur_months,
      arrearsMonths: row.arrears_months,
      currentMembership: current === undefined ? null : membershipDto(current),
      memberships: row.memberships.map(membershipDto),
      dues: row.dues,
      refunds: row.refunds,
      dateOfDeath: row.date_of_death,
      version: row.version,
    };
  }
}
