import type { Claimant, JkkBenefitLine } from '@santunan/contracts';
import { requiredDocuments, scholarshipDocuments } from './checklist';

const heir = (relationship: 'spouse' | 'child'): Claimant => ({
  kind: 'heir',
  fullName: 'x',
  relationship,
});

describe('the document checklist per claim type (rules reference §6)', () => {
  it.each<[string, 'jkk' | 'jkm', JkkBenefitLine[], boolean, Claimant, string[]]>([
    [
      'JKK STMB',
      'jkk',
      [{ kind: 'stmb', months: 2 }],
      false,
      { kind: 'participant' },
      ['member-card', 'ktp', 'doctor-statement', 'accident-chronology', 'bank-book'],
    ],
    [
      'JKK traffic accident with medical and transport costs',
      'jkk',
      [
        { kind: 'medical-care', claimedAmount: 1 },
        { kind: 'transport', legs: [{ mode: 'land', amount: 1 }] },
      ],
      true,
      { kind: 'participant' },
      [
        'member-card',
        'ktp',
        'doctor-statement',
        'accident-chronology',
        'police-report',
        'receipts',
        'bank-book',
      ],
    ],
    [
      'JKK death claimed by the widow',
      'jkk',
      [{ kind: 'death' }],
      false,
      heir('spouse'),
      [
        'member-card',
        'ktp',
        'doctor-statement',
        'accident-chronology',
        'death-certificate',
        'heir-certificate',
        'family-card',
        'heir-ktp',
        'marriage-book',
        'bank-book',
      ],
    ],
    [
      'JKM claimed by a child',
      'jkm',
      [],
      false,
      heir('child'),
      [
        'member-card',
        'ktp',
        'death-certificate',
        'heir-certificate',
        'family-card',
        'heir-ktp',
        'bank-book',
      ],
    ],
    [
      'JKM with no heir, claimed by the burial arranger',
      'jkm',
      [],
      false,
      { kind: 'burial-arranger', fullName: 'Kepala Desa' },
      ['member-card', 'ktp', 'death-certificate', 'family-card', 'bank-book'],
    ],
  ])('%s', (_label, program, benefits, trafficAccident, claimant, expected) => {
    expect(requiredDocuments({ program, benefits, trafficAccident, claimant })).toEqual(expected);
  });

  it('asks for a report card except in a child’s first school year', () => {
    expect(scholarshipDocuments(false)).toEqual([
      'birth-certificate',
      'family-card',
      'school-enrolment-letter',
      'latest-report-card',
      'bank-account',
    ]);
    expect(scholarshipDocuments(true)).not.toContain('latest-report-card');
  });
});
