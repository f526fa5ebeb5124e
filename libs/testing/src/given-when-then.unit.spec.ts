import { deciderSpec, evolveAll, type Decider } from './given-when-then';

/** A tiny maker–checker decider: the approver must not be the person who submitted. */
type Command =
  | {
      readonly type: 'SubmitClaim';
      readonly claimId: string;
      readonly amount: number;
      readonly by: string;
    }
  | { readonly type: 'ApproveClaim'; readonly claimId: string; readonly by: string };

type Event =
  | {
      readonly type: 'ClaimSubmitted';
      readonly claimId: string;
      readonly amount: number;
      readonly by: string;
    }
  | { readonly type: 'ClaimApproved'; readonly claimId: string; readonly by: string };

type State =
  | { readonly status: 'none' }
  | { readonly status: 'submitted'; readonly maker: string; readonly amount: number }
  | {
      readonly status: 'approved';
      readonly maker: string;
      readonly checker: string;
      readonly amount: number;
    };

type RejectionCode = 'CLAIM_ALREADY_SUBMITTED' | 'CLAIM_NOT_SUBMITTED' | 'MAKER_CANNOT_CHECK';

interface Rejection {
  readonly code: RejectionCode;
  readonly message: string;
}

/** The project's decision record, as in libs/<context>/domain. */
type Decision =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly rejection: Rejection };

const accept = (...events: Event[]): Decision => ({ ok: true, events });
const reject = (code: RejectionCode, message: string): Decision => ({
  ok: false,
  rejection: { code, message },
});

/** `today` stands for what the real deciders take as a third argument (time, rule sets). */
function decide(command: Command, state: State, today: string): Decision {
  switch (command.type) {
    case 'SubmitClaim':
      if (state.status !== 'none')
        return reject('CLAIM_ALREADY_SUBMITTED', `claim ${command.claimId} exists`);
      return accept({
        type: 'ClaimSubmitted',
        claimId: command.claimId,
        amount: command.amount,
        by: command.by,
      });
    case 'ApproveClaim':
      if (state.status === 'approved') return accept(); // a repeated approval changes nothing
      if (state.status === 'none')
        return reject('CLAIM_NOT_SUBMITTED', `nothing to approve on ${today}`);
      if (state.maker === command.by)
        return reject('MAKER_CANNOT_CHECK', 'a second person must approve');
      return accept({ type: 'ClaimApproved', claimId: command.claimId, by: command.by });
    default: {
      const _exhaustive: never = command;
      return _exhaustive;
    }
  }
}

function evolve(state: State, event: Event): State {
  switch (event.type) {
    case 'ClaimSubmitted':
      return { status: 'submitted', maker: event.by, amount: event.amount };
    case 'ClaimApproved':
      return state.status === 'submitted'
        ? { ...state, status: 'approved', checker: event.by }
        : state;
    default: {
      const _exhaustive: never = event;
      return _exhaustive;
    }
  }
}

const initialState = (): State => ({ status: 'none' });
const spec = deciderSpec({
  decide: (command: Command, state: State) => decide(command, state, '2026-11-24'),
  evolve,
  initialState,
});

const submitted: Event = {
  type: 'ClaimSubmitted',
  claimId: 'C-1',
  amount: 70_000_000,
  by: 'maker',
};
const approved: Event = { type: 'ClaimApproved', claimId: 'C-1', by: 'checker' };
const approve = (by: string): Command => ({ type: 'ApproveClaim', claimId: 'C-1', by });

describe('given/when/then for deciders', () => {
  it('checks the events decided after the given history', () => {
    spec.given([submitted]).when(approve('checker')).then([approved]);
  });

  it('checks a rejection by its reason code, in part, or with a custom check', () => {
    spec.given([]).when(approve('checker')).thenRejects('CLAIM_NOT_SUBMITTED');
    spec.given([submitted]).when(approve('maker')).thenRejects({ code: 'MAKER_CANNOT_CHECK' });
    spec
      .given([submitted])
      .when(approve('maker'))
      .thenRejects((rejection) => expect(rejection.message).toMatch(/second person/));
  });

  it('checks that nothing happened, and the resulting state', () => {
    spec.given([submitted, approved]).when(approve('checker')).thenNothingHappened();
    spec
      .given([submitted])
      .when(approve('checker'))
      .thenState({ status: 'approved', maker: 'maker', checker: 'checker', amount: 70_000_000 });
    expect(evolveAll({ evolve, initialState }, [submitted])).toEqual({
      status: 'submitted',
      maker: 'maker',
      amount: 70_000_000,
    });
  });

  it('fails with a readable message when the outcome is not the expected one', () => {
    expect(() => spec.given([submitted]).when(approve('maker')).then([])).toThrow(
      'expected the command to be accepted, but it was rejected: {"code":"MAKER_CANNOT_CHECK","message":"a second person must approve"}',
    );
    expect(() =>
      spec.given([submitted]).when(approve('checker')).thenRejects('MAKER_CANNOT_CHECK'),
    ).toThrow(/expected a rejection \("MAKER_CANNOT_CHECK"\), but decide returned events/);
    expect(() =>
      spec.given([]).when(approve('checker')).thenRejects('MAKER_CANNOT_CHECK'),
    ).toThrow();
    expect(() => spec.given([submitted]).when(approve('checker')).then([submitted])).toThrow();
  });

  it("also takes emmett's bare form: events as an array, anything else a rejection", () => {
    const bare: Decider<Command, Event, State, { reasonCode: RejectionCode }> = {
      decide: (command, state) => {
        const decision = decide(command, state, '2026-11-24');
        return decision.ok ? decision.events : { reasonCode: decision.rejection.code };
      },
      evolve,
      initialState,
    };
    deciderSpec(bare).given([submitted]).when(approve('checker')).then([approved]);
    deciderSpec(bare).given([submitted]).when(approve('maker')).thenRejects('MAKER_CANNOT_CHECK');
  });
});
