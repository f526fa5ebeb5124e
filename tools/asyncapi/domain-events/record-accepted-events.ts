// Jest setup for the domain-events check (../domain-events.int.spec.ts): records every event a
// domain decider accepts while the domain's own unit tests run. Every decider builds its
// accepted decision with the kernel's `accept`, so wrapping it sees every event decided.
import { appendFileSync } from 'node:fs';
import path from 'node:path';

const file = process.env['SANTUNAN_CAPTURE_FILE'];
if (file === undefined) throw new Error('SANTUNAN_CAPTURE_FILE is not set');

// The kernel's own module (its index re-exports it through getters, which read this one).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const decision = require(path.resolve(__dirname, '../../../libs/shared/domain/src/decision')) as {
  accept: (...events: unknown[]) => unknown;
};
const accept = decision.accept;
const testFile = path.relative(
  path.resolve(__dirname, '../../..'),
  expect.getState().testPath ?? '',
);

decision.accept = (...events: unknown[]) => {
  if (events.length > 0) {
    appendFileSync(
      file,
      events.map((event) => `${JSON.stringify({ testFile, event })}\n`).join(''),
    );
  }
  return accept(...events);
};
