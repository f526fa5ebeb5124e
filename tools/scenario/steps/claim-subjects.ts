/**
 * The enrollment officer prepares the participants the claims are about: finds each by NIK,
 * designates the heirs (ahli waris) with the payee's bank account and registers the children
 * for scholarships; and registers one self-paying worker who then pays nothing.
 */
import { USERS, type Child, type Heir, type ScenarioContext } from '../context';
import { poll } from '../http-client';
import { AGE_AT_LEVEL } from '../regulation';
import { NttPopulation, type Worker } from '../synthetic-data';

interface SearchResponse {
  readonly results: { participantId: string; status: string }[];
}

const BANKS = ['BRI', 'BNI', 'MANDIRI', 'BPDNTT'] as const;

export async function prepareClaimSubjects(context: ScenarioContext): Promise<void> {
  const { plan, state, log } = context;
  // Families come from their own draw, so the workers stay the same whatever the claims.
  const families = new NttPopulation(plan.seed + 1_000_003);
  for (const claim of plan.claims) {
    if (claim.kind === 'duplicate-death') continue;
    if (claim.kind === 'unpaid-coverage') {
      const worker = families.worker('5371', families.income());
      const participantId = await registerSelfPaying(context, worker);
      const heirs = await designateFamily(context, participantId, worker, families, claim.id, []);
      state.subjects.set(claim.id, { participantId, worker, programId: null, heirs, children: [] });
      log(
        `  ${claim.id}: self-paying ${worker.fullName} registered, declared Rp${worker.declaredIncome}`,
      );
      continue;
    }
    const program = plan.programs[claim.subject.program];
    const worker = state.workers[claim.subject.program]?.[claim.subject.row];
    if (program === undefined || worker === undefined)
      throw new Error(`${claim.id}: no such worker`);
    const participantId = await findByNik(context, worker.nik);
    const levels = claim.kind === 'jkm-death' ? [] : claim.children;
    const heirs = await designateFamily(context, participantId, worker, families, claim.id, levels);
    const children = await registerChildren(context, participantId, heirs, levels);
    state.subjects.set(claim.id, {
      participantId,
      worker,
      programId: program.programId,
      heirs,
      children,
    });
    log(
      `  ${claim.id}: ${worker.fullName} (${program.programId}), ${heirs.length} heirs, ` +
        `${children.length} children registered for scholarships`,
    );
  }
}

async function findByNik(context: ScenarioContext, nik: string): Promise<string> {
  return poll(
    `participant with NIK ${nik.slice(0, 6)}… in enrollment's search`,
    async () => {
      const found = await context.http.call<SearchResponse>(
        'enrollment',
        USERS.enrollmentOfficer,
        'POST',
        '/participants/search',
        { body: { nik }, expect: [200] },
      );
      return found.results[0]?.participantId;
    },
    { timeoutMs: context.patienceMs },
  );
}

/** Registers a self-paying worker (income effective from the plan's month). */
export async function registerSelfPaying(
  context: ScenarioContext,
  worker: Worker,
): Promise<string> {
  const registered = await context.http.call<{ participantId: string }>(
    'enrollment',
    USERS.enrollmentOfficer,
    'POST',
    '/participants',
    {
      body: {
        nik: worker.nik,
        fullName: worker.fullName,
        birthDate: worker.birthDate,
        sex: worker.sex,
        address: { line: worker.address, regencyCode: worker.regencyCode },
        phone: worker.phone,
        occupation: worker.occupation,
        declaredIncome: worker.declaredIncome,
        incomeEffectiveFrom: context.plan.today.slice(0, 7),
      },
      expect: [200, 201],
    },
  );
  return registered.participantId;
}

function yearsBefore(date: string, years: number, monthDay: string): string {
  return `${Number(date.slice(0, 4)) - years}-${monthDay}`;
}

/** Designates the spouse (the payee, with a bank account), children and, for the duplicate case, a parent. */
export async function designateFamily(
  context: ScenarioContext,
  participantId: string,
  worker: Worker,
  families: NttPopulation,
  caseId: string,
  levels: readonly string[],
): Promise<Heir[]> {
  const { today } = context.plan;
  const spouseSex = worker.sex === 'male' ? 'female' : 'male';
  const spouseName = `${families.givenName(spouseSex)} ${worker.familyName}`;
  const bank = BANKS[families.uuid().charCodeAt(0) % BANKS.length] ?? 'BRI';
  const heirs: Heir[] = [
    {
      heirId: families.uuid(),
      fullName: spouseName,
      relationship: 'spouse',
      birthDate: yearsBefore(worker.birthDate, -2, '06-15'),
      bankAccount: {
        bankCode: bank,
        accountNumber: families.accountNumber(),
        accountName: spouseName,
      },
    },
  ];
  for (const level of levels) {
    const childSex = families.uuid().charCodeAt(1) % 2 === 0 ? 'male' : 'female';
    const age = AGE_AT_LEVEL[level as keyof typeof AGE_AT_LEVEL];
    heirs.push({
      heirId: families.uuid(),
      fullName: `${families.givenName(childSex)} ${worker.familyName}`,
      relationship: 'child',
      birthDate: yearsBefore(today, age, '03-10'),
    });
  }
  // The parent who lodges the second death claim of the duplicate case.
  if (
    context.plan.claims.some((other) => other.kind === 'duplicate-death' && other.of === caseId)
  ) {
    heirs.push({
      heirId: families.uuid(),
      fullName: `${families.givenName('female')} ${worker.familyName}`,
      relationship: 'parent',
      birthDate: yearsBefore(worker.birthDate, 25, '01-20'),
    });
  }
  await context.http.call(
    'enrollment',
    USERS.enrollmentOfficer,
    'PUT',
    `/participants/${participantId}/heirs`,
    {
      body: { heirs },
    },
  );
  return heirs;
}

async function registerChildren(
  context: ScenarioContext,
  participantId: string,
  heirs: readonly Heir[],
  levels: readonly string[],
): Promise<Child[]> {
  const childHeirs = heirs.filter((heir) => heir.relationship === 'child');
  const children: Child[] = [];
  for (const [index, level] of levels.entries()) {
    const heir = childHeirs[index];
    if (heir === undefined) throw new Error('a child heir is missing');
    const childId = heir.heirId;
    await context.http.call(
      'enrollment',
      USERS.enrollmentOfficer,
      'POST',
      `/participants/${participantId}/children`,
      {
        body: {
          childId,
          fullName: heir.fullName,
          birthDate: heir.birthDate,
          relationship: 'biological',
        },
        expect: [200, 201],
      },
    );
    children.push({
      childId,
      heirId: heir.heirId,
      fullName: heir.fullName,
      birthDate: heir.birthDate,
      level: level as Child['level'],
    });
  }
  return children;
}
