import type { Decision } from '@santunan/domain-kernel';

export interface PureDecider<Command, Event, State> {
  readonly decide: (command: Command, state: State) => Decision<Event>;
  readonly evolve: (state: State, event: Event) => State;
  readonly initialState: () => State;
}

/** The events a sequence of accepted commands leaves behind; a rejection fails the test setup. */
export function historyOf<Command, Event, State>(
  decider: PureDecider<Command, Event, State>,
  commands: readonly Command[],
  given: readonly Event[] = [],
): Event[] {
  const events: Event[] = [...given];
  let state = given.reduce(decider.evolve, decider.initialState());
  for (const command of commands) {
    const decision = decider.decide(command, state);
    if (!decision.ok) {
      throw new Error(
        `setup command rejected: ${decision.rejection.code} — ${decision.rejection.message}`,
      );
    }
    events.push(...decision.events);
    state = decision.events.reduce(decider.evolve, state);
  }
  return events;
}

/** The events one command produces (failing the test on a rejection). */
export function eventsOf<Event>(decision: Decision<Event>): readonly Event[] {
  if (!decision.ok)
    throw new Error(`rejected: ${decision.rejection.code} — ${decision.rejection.message}`);
  return decision.events;
}
