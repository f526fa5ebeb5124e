import { hasMessage, type Translate } from '../i18n/messages';
import type { ServiceProblem } from '../services/service-client';
import { problemMessage } from '../web/problem-messages';

/** The payouts service's refusals in the officer's language; others as the console words them. */
export function financeProblem(t: Translate, problem: ServiceProblem): string {
  const key = `finance.problem.${problem.code}`;
  return hasMessage(key) ? t(key) : problemMessage(t, problem);
}
