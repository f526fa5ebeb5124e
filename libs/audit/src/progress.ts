/** Progress of a long run, for people: counts on stderr, never on stdout (which may be piped). */
export type Progress = (line: string) => void;

export const silent: Progress = () => undefined;

/** Reports a count every `every` items (and once at the end via `done`). */
export function counter(progress: Progress, label: string, every = 10_000) {
  let next = every;
  return {
    tick(count: number, total?: number): void {
      if (count < next) return;
      next = count + every;
      progress(`${label}: ${count}${total === undefined ? '' : ` of ${total}`}`);
    },
    done(count: number): void {
      progress(`${label}: ${count} done`);
    },
  };
}
