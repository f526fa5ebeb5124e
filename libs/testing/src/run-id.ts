import { randomBytes } from 'node:crypto';

/**
 * One id per test run, shared by every worker through the environment, so topic, group
 * and database names of concurrent runs never collide.
 */
export function testRunId(): string {
  let id = process.env['SANTUNAN_TEST_RUN_ID'];
  if (!id) {
    id = `r${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
    process.env['SANTUNAN_TEST_RUN_ID'] = id;
  }
  return id;
}

let counter = 0;
// Jest loads this module afresh for every test file of an in-band run (same pid), so the
// counter alone would repeat across files; a per-load token keeps names apart.
const loadToken = randomBytes(3).toString('hex');

/** `base` made unique to this run, this test file and this call. */
export function uniqueName(base: string): string {
  counter += 1;
  return `${base}.${testRunId()}.${process.pid}${loadToken}.${counter}`;
}
