// A death an enrollment officer recorded before any claim (ParticipantDeceased v2, recorded by
// `enrollment-officer`, published through enrollment's real outbox) reaches claims' death
// register: a death claim with another date of death is refused with the register's conflict
// code, one with the same date holds the benefit once, and the register never records the death
// again as DeathRecorded (which enrollment would read back). ADR 0034.
import { randomUUID } from 'node:crypto';
import { eventually } from '@santunan/testing';
import { ClaimsHarness, TODAY, bodyOf, officer, type ClaimBody } from './claims-harness';

describe('a death an enrollment officer recorded reaches the death register', () => {
  let h: ClaimsHarness;
  const deceased = {
    id: randomUUID(),
    nik: '5371011508900021',
    fullName: 'Yakobus Tefa',
  };
  const DATE_OF_DEATH = '2026-11-10';

  async function jkmClaim(dateOfDeath: string): Promise<{ claimId: string; required: string[] }> {
    const claim = await h
      .http(officer)
      .post('/claims/jkm', {
        participantId: deceased.id,
        dateOfDeath,
        claimant: { kind: 'heir', fullName: 'Magdalena Tefa', relationship: 'spouse' },
        lodgedOn: TODAY,
      })
      .expect(201);
    const { claimId, documents } = bodyOf<ClaimBody>(claim);
    return { claimId, required: documents.required };
  }

  beforeAll(async () => {
    h = await ClaimsHarness.start('reported_death');
    await h.enrolSelfPaying({ ...deceased, occupation: 'nelayan' }, '2026-01-05');
    await h.paySelf(deceased.id, '2026-01', 12, '2026-01-10');
    await h.enrollment.decide(
      deceased.id,
      {
        type: 'DesignateHeirs',
        heirs: [{ heirId: 'heir-magdalena', fullName: 'Magdalena Tefa', relationship: 'spouse' }],
      },
      '2026-01-05',
    );
    await h.untilKnown(deceased.id, 12);
    // The family reported the death at the enrollment counter, before any claim.
    await h.enrollment.decide(
      deceased.id,
      {
        type: 'RecordDeath',
        dateOfDeath: DATE_OF_DEATH,
        recordedBy: {
          kind: 'enrollment-officer',
          officerId: 'enrollment-officer-rina',
          deathCertificateReference: '5371-KM-10112026-0099',
        },
      },
      '2026-11-12',
    );
  });

  afterAll(async () => {
    await h?.stop();
  });

  it('records the death in the register as recorded by enrollment', async () => {
    await eventually(
      async () => {
        expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual(['DeathRecordedByEnrollment']);
      },
      { timeoutMs: 180_000 },
    );
    const [recorded] = await h.runtime.store.readStream(h.runtime.database, `death-${deceased.id}`);
    expect(recorded?.data).toMatchObject({
      participantId: deceased.id,
      dateOfDeath: DATE_OF_DEATH,
      deathCertificateReference: '5371-KM-10112026-0099',
      recordedBy: 'enrollment-officer-rina',
    });
  });

  it('refuses the death certificate of a claim with another date of death, with the register’s code', async () => {
    const other = await jkmClaim('2026-11-09');
    const conflict = await h
      .http(officer)
      .post(`/claims/${other.claimId}/documents`, {
        document: 'death-certificate',
        reference: 'arsip/akta-kematian-tefa-2',
      })
      .expect(409);
    expect(conflict.body).toMatchObject({
      code: 'DEATH_DATE_CONFLICT',
      recordedDateOfDeath: DATE_OF_DEATH,
    });
    expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual(['DeathRecordedByEnrollment']);
  });

  it('lets a claim with the same date hold the benefit once, without recording the death again', async () => {
    const claim = await jkmClaim(DATE_OF_DEATH);
    await h.recordDocuments(claim.claimId, claim.required, TODAY);
    expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual([
      'DeathRecordedByEnrollment',
      'DeathBenefitClaimed',
    ]);
    const second = await jkmClaim(DATE_OF_DEATH);
    await h.recordDocuments(second.claimId, second.required, TODAY);
    expect(await h.eventTypesOf(`death-${deceased.id}`)).toEqual([
      'DeathRecordedByEnrollment',
      'DeathBenefitClaimed',
    ]);
    const decided = await h.http(officer).post(`/claims/${second.claimId}/decisions`).expect(201);
    expect(decided.body.rejection.reasons).toEqual([
      expect.objectContaining({
        code: 'DEATH_BENEFIT_ALREADY_CLAIMED',
        details: expect.objectContaining({ firstClaimId: claim.claimId }),
      }),
    ]);
  });
});
