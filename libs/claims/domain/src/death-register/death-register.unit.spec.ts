import { deciderSpec } from '@santunan/testing';
import {
  deathRegisterFacts,
  decideDeathRegister,
  evolveDeathRegister,
  initialDeathRegisterState,
  type ClaimDeathBenefit,
  type DeathRegisterCommand,
  type DeathRegisterEvent,
  type DeathRegisterState,
  type RecordReportedDeath,
} from './death-register';

const spec = deciderSpec({
  decide: (command: DeathRegisterCommand, state: DeathRegisterState) =>
    decideDeathRegister(command, state, { today: '2026-03-25' }),
  evolve: evolveDeathRegister,
  initialState: initialDeathRegisterState,
});

const jkkClaim: ClaimDeathBenefit = {
  type: 'ClaimDeathBenefit',
  participantId: 'p-1',
  claimId: 'claim-jkk',
  program: 'jkk',
  dateOfDeath: '2026-03-20',
  deathCertificateReference: 'akta-kematian-5371-0042',
  officerId: 'officer-1',
};
const jkmClaim: ClaimDeathBenefit = { ...jkkClaim, claimId: 'claim-jkm', program: 'jkm' };

const recorded: DeathRegisterEvent = {
  type: 'DeathRecorded',
  data: {
    participantId: 'p-1',
    dateOfDeath: '2026-03-20',
    claimId: 'claim-jkk',
    deathCertificateReference: 'akta-kematian-5371-0042',
    recordedOn: '2026-03-25',
    recordedBy: 'officer-1',
  },
};
const claimedByJkk: DeathRegisterEvent = {
  type: 'DeathBenefitClaimed',
  data: {
    participantId: 'p-1',
    dateOfDeath: '2026-03-20',
    claimId: 'claim-jkk',
    program: 'jkk',
    claimedOn: '2026-03-25',
  },
};

describe('the death register (one death, one death benefit)', () => {
  it('records the death with the first claim, for enrollment to mark the participant deceased', () => {
    spec.given([]).when(jkkClaim).then([recorded, claimedByJkk]);
  });

  it('rejects a JKM claim for a death already claimed as JKK, naming the first claim', () => {
    spec
      .given([recorded, claimedByJkk])
      .when(jkmClaim)
      .thenRejects((rejection) => {
        expect(rejection.code).toBe('DEATH_BENEFIT_ALREADY_CLAIMED');
        expect(rejection.message).toContain('claim-jkk');
        expect(rejection.details).toEqual({
          firstClaimId: 'claim-jkk',
          firstClaimProgram: 'jkk',
          firstClaimedOn: '2026-03-25',
        });
      });
  });

  it('rejects a second JKK claim for the same death too', () => {
    spec
      .given([recorded, claimedByJkk])
      .when({ ...jkkClaim, claimId: 'claim-jkk-2' })
      .thenRejects('DEATH_BENEFIT_ALREADY_CLAIMED');
  });

  it('lets the holding claim register again (a retry)', () => {
    spec.given([recorded, claimedByJkk]).when(jkkClaim).thenNothingHappened();
  });

  it('once the JKK claim is rejected and released, the death may be claimed as JKM', () => {
    const released: DeathRegisterEvent = {
      type: 'DeathBenefitReleased',
      data: {
        participantId: 'p-1',
        claimId: 'claim-jkk',
        reason: 'not a work accident',
        releasedOn: '2026-03-25',
      },
    };
    spec
      .given([recorded, claimedByJkk])
      .when({ type: 'ReleaseDeathBenefit', claimId: 'claim-jkk', reason: 'not a work accident' })
      .then([released]);
    spec
      .given([recorded, claimedByJkk, released])
      .when(jkmClaim)
      .then([
        {
          type: 'DeathBenefitClaimed',
          data: { ...claimedByJkk.data, claimId: 'claim-jkm', program: 'jkm' },
        },
      ]);
    spec
      .given([recorded, claimedByJkk])
      .when({ type: 'ReleaseDeathBenefit', claimId: 'claim-other', reason: 'x' })
      .thenNothingHappened();
  });

  it.each<[string, Partial<ClaimDeathBenefit>, string]>([
    [
      'another date of death',
      { dateOfDeath: '2026-03-19', claimId: 'claim-jkm' },
      'DEATH_DATE_CONFLICT',
    ],
    ['a death in the future', { dateOfDeath: '2026-03-26' }, 'DEATH_DATE_IN_FUTURE'],
    ['no death certificate', { deathCertificateReference: '' }, 'DEATH_CERTIFICATE_MISSING'],
  ])('refuses %s', (_label, change, code) => {
    spec
      .given([recorded, claimedByJkk])
      .when({ ...jkkClaim, ...change })
      .thenRejects(code);
  });

  it('gives the policies the holder of the death benefit', () => {
    const state = [recorded, claimedByJkk].reduce(evolveDeathRegister, initialDeathRegisterState());
    expect(deathRegisterFacts(state)).toEqual({
      dateOfDeath: '2026-03-20',
      benefitClaimedBy: { claimId: 'claim-jkk', program: 'jkk', claimedOn: '2026-03-25' },
    });
    expect(deathRegisterFacts(initialDeathRegisterState())).toEqual({
      dateOfDeath: null,
      benefitClaimedBy: null,
    });
  });
});

describe('a death an enrollment officer recorded before any claim', () => {
  const reported: RecordReportedDeath = {
    type: 'RecordReportedDeath',
    participantId: 'p-1',
    dateOfDeath: '2026-03-20',
    deathCertificateReference: '5371-KM-0042',
    officerId: 'enrollment-officer-3',
    participantDeceasedEventId: 'enrollment-event-7',
  };
  const recordedByEnrollment: DeathRegisterEvent = {
    type: 'DeathRecordedByEnrollment',
    data: {
      participantId: 'p-1',
      dateOfDeath: '2026-03-20',
      deathCertificateReference: '5371-KM-0042',
      recordedBy: 'enrollment-officer-3',
      participantDeceasedEventId: 'enrollment-event-7',
      recordedOn: '2026-03-25',
    },
  };

  it('enters the register as recorded by enrollment, not as DeathRecorded (enrollment reads that)', () => {
    spec.given([]).when(reported).then([recordedByEnrollment]);
  });

  it('lets a claim with the same date hold the benefit, without recording the death again', () => {
    spec
      .given([recordedByEnrollment])
      .when(jkmClaim)
      .then([
        {
          type: 'DeathBenefitClaimed',
          data: { ...claimedByJkk.data, claimId: 'claim-jkm', program: 'jkm' },
        },
      ]);
    spec
      .given([
        recordedByEnrollment,
        {
          type: 'DeathBenefitClaimed',
          data: { ...claimedByJkk.data, claimId: 'claim-jkm', program: 'jkm' },
        },
      ])
      .when(jkkClaim)
      .thenRejects('DEATH_BENEFIT_ALREADY_CLAIMED');
  });

  it('refuses a claim with another date of death, naming the recorded date', () => {
    spec
      .given([recordedByEnrollment])
      .when({ ...jkkClaim, dateOfDeath: '2026-03-19' })
      .thenRejects((rejection) => {
        expect(rejection.code).toBe('DEATH_DATE_CONFLICT');
        expect(rejection.details).toEqual({ recordedDateOfDeath: '2026-03-20' });
      });
  });

  it('takes the same death again as no news, whoever recorded it first', () => {
    spec.given([recordedByEnrollment]).when(reported).thenNothingHappened();
    spec.given([recorded, claimedByJkk]).when(reported).thenNothingHappened();
  });

  it('refuses another date than the one recorded, and a date that is no date', () => {
    spec
      .given([recorded, claimedByJkk])
      .when({ ...reported, dateOfDeath: '2026-03-18' })
      .thenRejects('DEATH_DATE_CONFLICT');
    spec
      .given([])
      .when({ ...reported, dateOfDeath: '20-03-2026' })
      .thenRejects('DATE_INVALID');
  });

  it('keeps the holder of the benefit when the register learns the death afterwards', () => {
    const state = [recordedByEnrollment, claimedByJkk].reduce(
      evolveDeathRegister,
      initialDeathRegisterState(),
    );
    expect(deathRegisterFacts(state)).toEqual({
      dateOfDeath: '2026-03-20',
      benefitClaimedBy: { claimId: 'claim-jkk', program: 'jkk', claimedOn: '2026-03-25' },
    });
  });
});
