import type {
  ClaimsEventOf,
  IsoDate,
  ScholarshipChildRecord,
  ScholarshipEndedForChild,
  ScholarshipEntitlementGranted,
  ScholarshipEntitlementRefused,
  ScholarshipInstalmentProposed,
  ScholarshipLevel,
} from '@santunan/contracts';

export const SCHOLARSHIP_EVENT_TYPES = [
  'ScholarshipEntitlementGranted',
  'ScholarshipEntitlementRefused',
  'ScholarshipInstalmentProposed',
  'ScholarshipInstalmentApproved',
  'ScholarshipInstalmentSentBack',
  'ScholarshipInstalmentRefused',
  'ScholarshipEndedForChild',
] as const;
/** The events of one entitlement stream (`scholarship-<entitlementId>`). */
export type ScholarshipEvent = ClaimsEventOf<(typeof SCHOLARSHIP_EVENT_TYPES)[number]>;

export interface PaidInstalment {
  readonly applicationId: string;
  readonly scholarshipYear: string;
  readonly level: ScholarshipLevel;
  readonly amount: number;
}

/** One child's scholarship under the entitlement. */
export interface ChildLedger {
  readonly child: ScholarshipChildRecord;
  /** Approved instalments: they count towards the level caps and the per-child maximum. */
  readonly payments: readonly PaidInstalment[];
  readonly pending: ScholarshipInstalmentProposed | null;
  readonly ended: {
    readonly reason: ScholarshipEndedForChild['reason'];
    readonly endedOn: IsoDate;
  } | null;
}

export type ScholarshipState =
  | { readonly status: 'none' }
  | { readonly status: 'refused'; readonly refusal: ScholarshipEntitlementRefused }
  | {
      readonly status: 'granted';
      readonly entitlement: ScholarshipEntitlementGranted;
      readonly children: readonly ChildLedger[];
      /** Every application decided or proposed, so an application is never decided twice. */
      readonly applicationIds: readonly string[];
    };

export const initialScholarshipState = (): ScholarshipState => ({ status: 'none' });

function updateChild(
  state: Extract<ScholarshipState, { status: 'granted' }>,
  childId: string,
  change: (ledger: ChildLedger) => ChildLedger,
  applicationId?: string,
): ScholarshipState {
  return {
    ...state,
    children: state.children.map((ledger) =>
      ledger.child.childId === childId ? change(ledger) : ledger,
    ),
    applicationIds:
      applicationId === undefined || state.applicationIds.includes(applicationId)
        ? state.applicationIds
        : [...state.applicationIds, applicationId],
  };
}

export function evolveScholarship(
  state: ScholarshipState,
  event: ScholarshipEvent,
): ScholarshipState {
  if (event.type === 'ScholarshipEntitlementGranted') {
    return {
      status: 'granted',
      entitlement: event.data,
      children: event.data.children.map((child) => ({
        child,
        payments: [],
        pending: null,
        ended: null,
      })),
      applicationIds: [],
    };
  }
  if (event.type === 'ScholarshipEntitlementRefused')
    return { status: 'refused', refusal: event.data };
  if (state.status !== 'granted') return state;
  switch (event.type) {
    case 'ScholarshipInstalmentProposed':
      return updateChild(
        state,
        event.data.childId,
        (ledger) => ({ ...ledger, pending: event.data }),
        event.data.applicationId,
      );
    case 'ScholarshipInstalmentApproved': {
      const { applicationId, scholarshipYear, level, amount } = event.data;
      return updateChild(
        state,
        event.data.childId,
        (ledger) => ({
          ...ledger,
          pending: null,
          payments: [...ledger.payments, { applicationId, scholarshipYear, level, amount }],
        }),
        applicationId,
      );
    }
    case 'ScholarshipInstalmentSentBack': {
      // A proposal sent back is decided again, under the same application id.
      const reopened = updateChild(state, event.data.childId, (ledger) => ({
        ...ledger,
        pending: null,
      }));
      return reopened.status === 'granted'
        ? {
            ...reopened,
            applicationIds: reopened.applicationIds.filter((id) => id !== event.data.applicationId),
          }
        : reopened;
    }
    case 'ScholarshipInstalmentRefused':
      return updateChild(state, event.data.childId, (ledger) => ledger, event.data.applicationId);
    case 'ScholarshipEndedForChild':
      return updateChild(state, event.data.childId, (ledger) => ({
        ...ledger,
        ended: { reason: event.data.reason, endedOn: event.data.endedOn },
      }));
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
