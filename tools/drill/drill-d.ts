/**
 * Drill d: forged messages. (1) A principal the broker does not know, or one without WRITE on
 * the topic, produces onto enrollment.events: Kafka refuses it. (2) An authorised principal
 * (another service) produces a well-formed enrollment event signed with the wrong key: the
 * consumers refuse it by its signature and it lands on their DLQ with the reason, and the
 * partition moves on. Needs the broker's SASL/ACLs and the services' signatures (issue 17).
 */
import type { DrillContext, DrillOutcome } from './drill';
import { DrillFailure } from './support';

export async function drillD(_context: DrillContext): Promise<DrillOutcome> {
  throw new DrillFailure(
    'pending: needs the broker ACLs (SASL/SCRAM per service) and the event signatures of issue 17',
  );
}
