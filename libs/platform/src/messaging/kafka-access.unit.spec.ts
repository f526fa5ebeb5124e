import { Topics } from '@santunan/contracts';
import { ALL_TOPICS_PATTERN, aclsFor, platformAccess, type KafkaAcl } from './kafka-access';

const acls = aclsFor(platformAccess(Topics));
const allowed = (
  principal: string,
  operation: KafkaAcl['operation'],
  resource: KafkaAcl['resource'] = 'topic',
): string[] =>
  acls
    .filter(
      (acl) =>
        acl.principal === principal && acl.operation === operation && acl.resource === resource,
    )
    .map((acl) => acl.name)
    .sort();

describe('platformAccess: who may do what on the broker (ADR 0024)', () => {
  it('lets each service publish its own events topic and no other', () => {
    const owners = {
      enrollment: Topics.enrollmentEvents,
      contributions: Topics.contributionsEvents,
      claims: Topics.claimsEvents,
      payouts: Topics.payoutsEvents,
    };
    for (const [service, topic] of Object.entries(owners)) {
      const written = allowed(service, 'write').filter((name) => !name.endsWith('.dlq'));
      expect({ service, written }).toEqual({ service, written: [topic] });
    }
    // Nobody but finance reports settlements; nobody but the owner writes an events topic.
    for (const topic of Object.values(Topics)) {
      const writers = acls
        .filter((acl) => acl.operation === 'write' && acl.name === topic)
        .map((acl) => acl.principal);
      expect({ topic, writers: writers.length }).toEqual({ topic, writers: 1 });
    }
  });

  it('lets a service write the dead letters of what it consumes, not of its own topic', () => {
    expect(allowed('claims', 'read')).toEqual(
      [Topics.enrollmentEvents, Topics.contributionsEvents].sort(),
    );
    expect(allowed('claims', 'write')).toEqual(
      [
        Topics.claimsEvents,
        `${Topics.enrollmentEvents}.dlq`,
        `${Topics.contributionsEvents}.dlq`,
      ].sort(),
    );
    // Only seen: its start-up checks that its topic's dead-letter topic exists.
    expect(allowed('claims', 'describe')).toEqual([`${Topics.claimsEvents}.dlq`]);
    expect(allowed('payouts', 'read')).toContain(Topics.payoutSettlements);
  });

  it('lets the audit read every topic and write none; finance reads payouts and reports settlements', () => {
    expect(allowed('audit', 'read')).toEqual([ALL_TOPICS_PATTERN]);
    expect(allowed('audit', 'write')).toEqual([]);
    // Its throw-away consumer groups, deleted after each read.
    expect(allowed('audit', 'read', 'group')).toEqual(['santunan-audit-']);
    expect(allowed('audit', 'delete', 'group')).toEqual(['santunan-audit-']);
    expect(allowed('finance', 'write')).toEqual([Topics.payoutSettlements]);
    expect(allowed('finance', 'read')).toEqual([Topics.payoutsEvents]);
  });

  it("names each service's consumer groups after it, or after the run's prefixes", () => {
    const groups = (table: readonly KafkaAcl[]) =>
      table.filter((acl) => acl.resource === 'group').map((acl) => [acl.principal, acl.name]);
    expect(groups(acls)).toContainEqual(['claims', 'claims.']);
    const run = aclsFor(platformAccess(Topics, { groupPrefixes: { claims: 'claims-e2e-7.' } }));
    expect(groups(run)).toContainEqual(['claims', 'claims-e2e-7.']);
    expect(
      run.filter((acl) => acl.resource === 'group').every((acl) => acl.pattern === 'prefixed'),
    ).toBe(true);
  });
});
