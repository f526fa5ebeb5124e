import type {
  ChildRegisteredForScholarship,
  EnrollmentEvent,
  Heir,
  IsoDate,
  IsoMonth,
  ParticipantRegistered,
} from '@santunan/contracts';

export interface IncomePeriod {
  readonly declaredIncome: number;
  readonly effectiveFrom: IsoMonth;
}

/** The registration's facts, the declared income kept as a history. */
export interface RegisteredParticipant
  extends Omit<ParticipantRegistered, 'declaredIncome' | 'incomeEffectiveFrom'> {
  readonly status: 'active' | 'deceased';
  /** Oldest first; the income in force in a month is the last period starting on or before it. */
  readonly incomeHistory: readonly IncomePeriod[];
  readonly heirs: readonly Heir[];
  readonly children: readonly Omit<ChildRegisteredForScholarship, 'participantId'>[];
  readonly dateOfDeath?: IsoDate;
}

export type ParticipantState = { readonly status: 'unregistered' } | RegisteredParticipant;

export const initialState = (): ParticipantState => ({ status: 'unregistered' });

export function currentIncome(participant: RegisteredParticipant): IncomePeriod {
  const latest = participant.incomeHistory[participant.incomeHistory.length - 1];
  if (!latest) throw new Error(`participant ${participant.participantId} has no income history`);
  return latest;
}

export function evolve(state: ParticipantState, event: EnrollmentEvent): ParticipantState {
  switch (event.type) {
    case 'ParticipantRegistered': {
      const { declaredIncome, incomeEffectiveFrom, ...data } = event.data;
      return {
        ...data,
        status: 'active',
        incomeHistory: [{ declaredIncome, effectiveFrom: incomeEffectiveFrom }],
        heirs: [],
        children: [],
      };
    }
    case 'ParticipantDetailsCorrected': {
      if (state.status === 'unregistered') return state;
      const { participantId: _id, reason: _reason, ...changes } = event.data;
      return { ...state, ...changes };
    }
    case 'DeclaredIncomeChanged': {
      if (state.status === 'unregistered') return state;
      const { declaredIncome, effectiveFrom } = event.data;
      return {
        ...state,
        incomeHistory: [...state.incomeHistory, { declaredIncome, effectiveFrom }],
      };
    }
    case 'HeirsDesignated':
      return state.status === 'unregistered' ? state : { ...state, heirs: event.data.heirs };
    case 'ChildRegisteredForScholarship': {
      if (state.status === 'unregistered') return state;
      const { participantId: _id, ...child } = event.data;
      return { ...state, children: [...state.children, child] };
    }
    case 'ParticipantDeceased':
      return state.status === 'unregistered'
        ? state
        : { ...state, status: 'deceased', dateOfDeath: event.data.dateOfDeath };
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}
