/**
 * Given/when/then for pure deciders (emmett style): given past events, when a command is
 * decided, then these events — or this rejection. Runs inside Jest and reports through
 * `expect`, so a failure shows the usual diff.
 *
 *   const spec = deciderSpec({
 *     decide: (command, state) => decide(command, state, context), // time, rules passed in
 *     evolve,
 *     initialState,
 *   });
 *   spec.given([registered]).when(changeIncome).then([incomeChanged]);
 *   spec.given([]).when(changeIncome).thenRejects('PARTICIPANT_NOT_REGISTERED');
 */

/**
 * What `decide` may return. Either the project's decision record (`{ ok: true, events }` or
 * `{ ok: false, rejection }`), or emmett's bare form: the events as an array, or a rejection
 * value that is anything but an array.
 */
export type DeciderOutput<Event, Rejection> =
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly rejection: Rejection }
  | readonly Event[]
  | Rejection;

export interface Decider<Command, Event, State, Rejection> {
  decide(command: Command, state: State): DeciderOutput<Event, Rejection>;
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** A rejection is matched by its reason code (`code`, `reasonCode` or `reason`), in part, or by a check. */
export type RejectionExpectation<Rejection> =
  | string
  | Partial<Rejection>
  | ((rejection: Rejection) => void);

export interface DeciderThen<Event, State, Rejection> {
  /** decide accepted the command with exactly these events, in this order. */
  then(expected: readonly Event[]): void;
  /** decide accepted the command with no events (an idempotent repeat, say). */
  thenNothingHappened(): void;
  thenRejects(expected: RejectionExpectation<Rejection>): void;
  /** The state after the given events and the new ones: for deciders whose evolve matters. */
  thenState(expected: State): void;
}

export interface DeciderGiven<Command, Event, State, Rejection> {
  when(command: Command): DeciderThen<Event, State, Rejection>;
}

export interface DeciderSpec<Command, Event, State, Rejection> {
  given(events: readonly Event[]): DeciderGiven<Command, Event, State, Rejection>;
}

type Outcome<Event, Rejection> =
  | { readonly accepted: true; readonly events: readonly Event[] }
  | { readonly accepted: false; readonly rejection: Rejection };

/** The state a stream of events leaves behind. */
export function evolveAll<Event, State>(
  decider: Pick<Decider<never, Event, State, unknown>, 'evolve' | 'initialState'>,
  events: readonly Event[],
  from: State = decider.initialState(),
): State {
  return events.reduce((state, event) => decider.evolve(state, event), from);
}

export function deciderSpec<Command, Event, State, Rejection>(
  decider: Decider<Command, Event, State, Rejection>,
): DeciderSpec<Command, Event, State, Rejection> {
  return {
    given: (history) => ({
      when: (command) => {
        const before = (): State => evolveAll(decider, history);
        const decide = (): Outcome<Event, Rejection> =>
          outcomeOf<Event, Rejection>(decider.decide(command, before()));
        const acceptedEvents = (): readonly Event[] => {
          const outcome = decide();
          if (!outcome.accepted) {
            throw new Error(
              `expected the command to be accepted, but it was rejected: ${show(outcome.rejection)}`,
            );
          }
          return outcome.events;
        };
        return {
          then: (expected) => expect(acceptedEvents()).toEqual(expected),
          thenNothingHappened: () => expect(acceptedEvents()).toEqual([]),
          thenState: (expected) =>
            expect(evolveAll(decider, acceptedEvents(), before())).toEqual(expected),
          thenRejects: (expected) => {
            const outcome = decide();
            if (outcome.accepted) {
              throw new Error(
                `expected a rejection (${show(expected)}), but decide returned events: ${show(outcome.events)}`,
              );
            }
            expectRejection(outcome.rejection, expected);
          },
        };
      },
    }),
  };
}

function outcomeOf<Event, Rejection>(
  output: DeciderOutput<Event, Rejection>,
): Outcome<Event, Rejection> {
  if (isEventList<Event, Rejection>(output)) return { accepted: true, events: output };
  if (isDecisionRecord<Event, Rejection>(output)) {
    return output.ok
      ? { accepted: true, events: output.events }
      : { accepted: false, rejection: output.rejection };
  }
  return { accepted: false, rejection: output };
}

function isEventList<Event, Rejection>(
  output: DeciderOutput<Event, Rejection>,
): output is readonly Event[] {
  return Array.isArray(output);
}

function isDecisionRecord<Event, Rejection>(
  output: DeciderOutput<Event, Rejection>,
): output is
  | { readonly ok: true; readonly events: readonly Event[] }
  | { readonly ok: false; readonly rejection: Rejection } {
  if (typeof output !== 'object' || output === null) return false;
  const record = output as Record<string, unknown>;
  return (
    (record['ok'] === true && Array.isArray(record['events'])) ||
    (record['ok'] === false && 'rejection' in record)
  );
}

function expectRejection<Rejection>(
  rejection: Rejection,
  expected: RejectionExpectation<Rejection>,
): void {
  if (typeof expected === 'function') {
    expected(rejection);
  } else if (typeof expected === 'string') {
    expect(reasonCodeOf(rejection)).toBe(expected);
  } else {
    expect(rejection).toMatchObject(expected);
  }
}

function reasonCodeOf(rejection: unknown): unknown {
  if (typeof rejection !== 'object' || rejection === null) return rejection;
  const candidate = rejection as Record<string, unknown>;
  return candidate['code'] ?? candidate['reasonCode'] ?? candidate['reason'];
}

function show(value: unknown): string {
  return typeof value === 'function' ? 'a custom check' : JSON.stringify(value);
}
