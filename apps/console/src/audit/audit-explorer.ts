import { Inject, Injectable } from '@nestjs/common';
import {
  asOf,
  explain,
  maskingReader,
  personalDataReader,
  type AsOfView,
  type AuditTargets,
  type EvidenceStep,
  type Explanation,
  type PersonalDataReader,
} from '@santunan/audit';

/** The stores, topics and key database the auditor's pages read (see audit-settings.ts). */
export const AUDIT_TARGETS = Symbol('AUDIT_TARGETS');

export type ExplainKind = 'payout' | 'claim';

/** How many of the events shown still hash to themselves and link to their predecessor. */
export interface ChainSummary {
  readonly events: number;
  readonly verified: number;
  /** Events that do not hash to their stored hash, or do not link to the one before. */
  readonly broken: readonly EvidenceStep[];
}

export interface ExplanationView {
  readonly explanation: Explanation;
  /** The ids the page links by: claim → participant (as-of view). */
  readonly claimId: string | null;
  readonly participantId: string | null;
  /** Personal data shown opened: this auditor revealed the participant and the keys were read. */
  readonly revealed: boolean;
  readonly chain: ChainSummary;
}

export interface ParticipantAsOf {
  readonly participantId: string;
  /** The calendar day asked for (YYYY-MM-DD); the view holds what was recorded by its end in WIB. */
  readonly date: string;
  readonly view: AsOfView;
  readonly revealed: boolean;
  /** The claims the participant had by then, to explain each. */
  readonly claimIds: readonly string[];
  readonly chain: ChainSummary;
}

/** An event is verified when it hashes to its stored hash and nothing shows a broken link. */
export function isVerified(step: EvidenceStep): boolean {
  return step.hashVerified && step.chainLinked !== false;
}

export function chainSummary(steps: readonly EvidenceStep[]): ChainSummary {
  // The same event can appear twice (a decision is also a claim event): count it once.
  const unique = [...new Map(steps.map((step) => [step.eventId, step])).values()];
  const broken = unique.filter((step) => !isVerified(step));
  return { events: unique.length, verified: unique.length - broken.length, broken };
}

export function stepsOf(explanation: Explanation): EvidenceStep[] {
  return [
    ...explanation.payouts.flatMap((payout) => payout.events),
    ...(explanation.decision === null ? [] : [explanation.decision.evidence]),
    ...explanation.claimEvents,
    ...explanation.contributions.map((paid) => paid.evidence),
    ...explanation.coverageEvents,
    ...(explanation.participant?.events ?? []),
  ];
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar day written YYYY-MM-DD, or null. */
export function calendarDay(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = DAY.exec(text.trim());
  if (match === null) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day
    ? text.trim()
    : null;
}

/** Today in Jakarta (YYYY-MM-DD). */
export function todayInJakarta(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(now);
}

/** The last instant of a day in WIB (UTC+7, no daylight saving): everything recorded that day. */
export function endOfDayWib(day: string): string {
  return `${day}T23:59:59.999+07:00`;
}

/** Ids as the services mint them: letters, digits and a few separators; nothing else is looked up. */
export function isPlausibleId(id: string): boolean {
  return /^[A-Za-z0-9][A-Za-z0-9:._-]{0,199}$/.test(id);
}

/**
 * The auditor's questions answered from the stores through libs/audit, read-only: explain a
 * payout or claim, a participant as known at a date. Personal data is masked unless
 * `mayReveal` says this auditor revealed that participant.
 */
@Injectable()
export class AuditExplorer {
  constructor(@Inject(AUDIT_TARGETS) private readonly targets: AuditTargets) {}

  async explain(
    kind: ExplainKind,
    id: string,
    mayReveal: (participantId: string) => boolean,
  ): Promise<ExplanationView> {
    // Masked first: only then is the participant known, and only they may be opened.
    let explanation = await explain(this.targets, { kind, id }, maskingReader());
    const participantId = explanation.participant?.participantId ?? null;
    if (participantId !== null && mayReveal(participantId)) {
      explanation = await this.withKeys((personal) =>
        explain(this.targets, { kind, id }, personal),
      );
    }
    return {
      explanation,
      claimId:
        explanation.decision?.claimId ??
        explanation.payouts[0]?.claimId ??
        (kind === 'claim' ? id : null),
      participantId,
      revealed: explanation.personalData === 'decrypted',
      chain: chainSummary(stepsOf(explanation)),
    };
  }

  async participantAsOf(
    participantId: string,
    date: string,
    reveal: boolean,
  ): Promise<ParticipantAsOf> {
    const at = endOfDayWib(date);
    let revealed = false;
    const view = reveal
      ? await this.withKeys((personal) => {
          revealed = personal.canDecrypt;
          return asOf(this.targets, 'participant', participantId, at, personal);
        })
      : await asOf(this.targets, 'participant', participantId, at, maskingReader());
    const claims = view.state['claims'];
    return {
      participantId,
      date,
      view,
      revealed,
      claimIds: typeof claims === 'object' && claims !== null ? Object.keys(claims) : [],
      chain: chainSummary([...view.known, ...view.learnedLater]),
    };
  }

  private async withKeys<T>(work: (personal: PersonalDataReader) => Promise<T>): Promise<T> {
    const personal = await personalDataReader(this.targets.keysDatabaseUrl);
    try {
      return await work(personal);
    } finally {
      await personal.close();
    }
  }
}
