import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import { incidentContext } from '../rule-sets/incident-rule-set';
import type { RuleSetId } from '../rule-sets/rule-set';
import { err, ok, type Result } from '../shared/result';
import { ruleError } from '../shared/rule-error';

export interface RegisteredChild {
  readonly id: string;
  /** When the participant registered the child for the scholarship. */
  readonly registeredOn: string;
}

export type ChildExclusionReason = 'REGISTERED_AFTER_INCIDENT' | 'CHILD_LIMIT_REACHED';

export interface ScholarshipChildrenSelection {
  readonly ruleSetId: RuleSetId;
  readonly selected: readonly RegisteredChild[];
  readonly excluded: readonly {
    readonly child: RegisteredChild;
    readonly reason: ChildExclusionReason;
  }[];
}

/**
 * At most `maxChildren` (2) children, registered by the participant beforehand (on or before the
 * incident date). If more were registered, the earliest registrations win; ties keep input order.
 */
export function selectScholarshipChildren(input: {
  readonly incidentDate: string;
  readonly children: readonly RegisteredChild[];
}): Result<ScholarshipChildrenSelection> {
  const context = incidentContext(input.incidentDate);
  if (!context.ok) return context;
  const { ruleSet, incidentDate } = context.value;
  const scheme = ruleSet.scholarship;
  if (scheme.kind !== 'yearly-by-level') {
    return err(
      ruleError(
        'COMPONENT_NOT_APPLICABLE',
        `${ruleSet.id} pays one flat scholarship, not per child`,
      ),
    );
  }
  const dated: { child: RegisteredChild; registeredOn: IsoDate }[] = [];
  const ids = new Set<string>();
  for (const [index, child] of input.children.entries()) {
    const registeredOn = parseIsoDate(child.registeredOn, `children[${index}].registeredOn`);
    if (!registeredOn.ok) return registeredOn;
    if (ids.has(child.id))
      return err(ruleError('INVALID_INPUT', `child ${child.id} is listed twice`, 'children'));
    ids.add(child.id);
    dated.push({ child, registeredOn: registeredOn.value });
  }
  const excluded: { child: RegisteredChild; reason: ChildExclusionReason }[] = dated
    .filter((entry) => entry.registeredOn > incidentDate)
    .map((entry) => ({ child: entry.child, reason: 'REGISTERED_AFTER_INCIDENT' }));
  const inTime = dated
    .filter((entry) => entry.registeredOn <= incidentDate)
    .sort((a, b) =>
      a.registeredOn < b.registeredOn ? -1 : a.registeredOn > b.registeredOn ? 1 : 0,
    )
    .map((entry) => entry.child);
  const limit = scheme.maxChildren.value;
  return ok({
    ruleSetId: ruleSet.id,
    selected: inTime.slice(0, limit),
    excluded: [
      ...excluded,
      ...inTime.slice(limit).map((child) => ({ child, reason: 'CHILD_LIMIT_REACHED' as const })),
    ],
  });
}
