/**
 * A value that exists only once the service runtime has started, for the parts the runtime
 * itself runs (projections, consumers): they are handed to it before it exists.
 */
export class LateBound<T> {
  private readonly ready: Promise<T>;
  private settle: ((value: T) => void) | undefined;

  constructor() {
    this.ready = new Promise<T>((resolve) => {
      this.settle = resolve;
    });
  }

  bind(value: T): T {
    this.settle?.(value);
    this.settle = undefined;
    return value;
  }

  get(): Promise<T> {
    return this.ready;
  }
}
