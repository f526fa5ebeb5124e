/**
 * Who may do what on the broker (ADR 0024): one table, as data, from which the ACLs of a
 * deployment are made — production's topic names, or a test run's own. The broker refuses
 * everything no ACL allows (`allow.everyone.if.no.acl.found=false`); `admin` is the super user
 * that creates topics and grants these.
 */
import { deadLetterTopic } from '@santunan/contracts';

/** The topics of one deployment (production: @santunan/contracts `Topics`). */
export interface PlatformTopicNames {
  readonly enrollmentEvents: string;
  readonly contributionsEvents: string;
  readonly claimsEvents: string;
  readonly payoutsEvents: string;
  readonly payoutSettlements: string;
}

export const SERVICE_PRINCIPALS = ['enrollment', 'contributions', 'claims', 'payouts'] as const;
export type ServicePrincipal = (typeof SERVICE_PRINCIPALS)[number];
export const PLATFORM_PRINCIPALS = [...SERVICE_PRINCIPALS, 'audit', 'finance'] as const;
export type PlatformPrincipal = (typeof PLATFORM_PRINCIPALS)[number];

/** Every topic, whoever wrote it: the audit reads them all. */
export const ALL_TOPICS_PATTERN = '*';

/** The audit's throw-away consumer groups (libs/audit topic-reader.ts). */
export const AUDIT_GROUP_PREFIX = 'santunan-audit-';

/** What one principal may do; dead-letter topics follow from what it consumes. */
export interface PrincipalAccess {
  /** The user it signs in as. */
  readonly principal: string;
  /** Topics it publishes to: a service its own `<context>.events` only. */
  readonly publishes: readonly string[];
  /**
   * Topics it consumes. A platform consumer also writes each one's `<topic>.dlq` (what it
   * cannot apply, ADR 0005), so it may write those.
   */
  readonly consumes: readonly string[];
  /** Whether it parks messages in `<consumed topic>.dlq` (the platform's consumers do). */
  readonly deadLetters: boolean;
  /**
   * Topics it only checks exist: a service's start-up ensures its own topic's dead-letter
   * topic too (ensureConsumerTopics), which others write.
   */
  readonly sees: readonly string[];
  /** The prefix of the consumer groups it may join (and commit offsets in). */
  readonly groupPrefix: string;
  /** Whether it deletes its groups afterwards (the audit's throw-away groups). */
  readonly deletesGroups: boolean;
}

export interface PlatformAccessOptions {
  /** Each principal's consumer-group prefix; default `<service>.`, `santunan-audit-`, `finance`. */
  readonly groupPrefixes?: Partial<Record<PlatformPrincipal, string>>;
}

/**
 * The platform's table: what each service publishes and consumes (as apps/<service>/src/config
 * wires it), the audit reading everything and writing nothing, and finance (the bank) reading
 * the payout instructions and reporting settlements.
 */
export function platformAccess(
  topics: PlatformTopicNames,
  options: PlatformAccessOptions = {},
): readonly PrincipalAccess[] {
  const groups = (principal: PlatformPrincipal, fallback: string): string =>
    options.groupPrefixes?.[principal] ?? fallback;
  const service = (
    principal: ServicePrincipal,
    publishes: string,
    consumes: readonly string[],
  ): PrincipalAccess => ({
    principal,
    publishes: [publishes],
    consumes,
    deadLetters: true,
    sees: [deadLetterTopic(publishes)],
    groupPrefix: groups(principal, `${principal}.`),
    deletesGroups: false,
  });
  return [
    service('enrollment', topics.enrollmentEvents, [topics.claimsEvents]),
    service('contributions', topics.contributionsEvents, [
      topics.enrollmentEvents,
      topics.claimsEvents,
    ]),
    service('claims', topics.claimsEvents, [topics.enrollmentEvents, topics.contributionsEvents]),
    service('payouts', topics.payoutsEvents, [
      topics.claimsEvents,
      topics.payoutSettlements,
      topics.enrollmentEvents,
    ]),
    auditAccess(groups('audit', AUDIT_GROUP_PREFIX)),
    {
      principal: 'finance',
      publishes: [topics.payoutSettlements],
      consumes: [topics.payoutsEvents],
      deadLetters: false,
      sees: [],
      groupPrefix: groups('finance', 'finance'),
      deletesGroups: false,
    },
  ];
}

/**
 * The audit: reads every topic (whatever the deployment names them) and writes none. The same
 * on every deployment sharing a broker, so a test run grants it and never revokes it.
 */
export function auditAccess(groupPrefix: string = AUDIT_GROUP_PREFIX): PrincipalAccess {
  return {
    principal: 'audit',
    publishes: [],
    consumes: [ALL_TOPICS_PATTERN],
    deadLetters: false,
    sees: [],
    groupPrefix,
    deletesGroups: true,
  };
}

/** One ACL, allowing one operation on one resource to one user from any host. */
export interface KafkaAcl {
  readonly resource: 'topic' | 'group';
  readonly name: string;
  readonly pattern: 'literal' | 'prefixed';
  readonly principal: string;
  readonly operation: 'read' | 'write' | 'describe' | 'delete';
}

/** The ACLs that grant a table: nothing else is allowed. */
export function aclsFor(access: readonly PrincipalAccess[]): KafkaAcl[] {
  const acls: KafkaAcl[] = [];
  const topic = (principal: string, name: string, operation: KafkaAcl['operation']): void => {
    acls.push({ resource: 'topic', name, pattern: 'literal', principal, operation });
  };
  for (const entry of access) {
    for (const name of entry.publishes) topic(entry.principal, name, 'write');
    for (const name of entry.consumes) {
      topic(entry.principal, name, 'read');
      if (entry.deadLetters) topic(entry.principal, deadLetterTopic(name), 'write');
    }
    for (const name of entry.sees) topic(entry.principal, name, 'describe');
    const group = { resource: 'group', name: entry.groupPrefix, pattern: 'prefixed' } as const;
    acls.push({ ...group, principal: entry.principal, operation: 'read' });
    if (entry.deletesGroups)
      acls.push({ ...group, principal: entry.principal, operation: 'delete' });
  }
  return acls;
}
