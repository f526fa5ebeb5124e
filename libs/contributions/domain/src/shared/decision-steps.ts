/**
 * Builds a decision of several events where later ones depend on the state the earlier ones
 * leave (a payment's months, then the coverage they extend). Each recorded event is evolved at
 * once, so the decider reads the same state a replay would.
 */
export class DecisionSteps<State, Event> {
  private readonly recorded: Event[] = [];

  constructor(
    private current: State,
    private readonly evolve: (state: State, event: Event) => State,
  ) {}

  get state(): State {
    return this.current;
  }

  get events(): Event[] {
    return [...this.recorded];
  }

  record(...events: Event[]): void {
    for (const event of events) {
      this.recorded.push(event);
      this.current = this.evolve(this.current, event);
    }
  }
}
