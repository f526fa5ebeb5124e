import type { ClaimEvent } from './claim.state';
import { evolveClaim, initialClaimState, type ClaimState } from './claim.state';
import { missingDocuments } from './claim-proposal';

const submitted: ClaimEvent = {
  type: 'JkmClaimSubmitted',
  data: {
    claimId: 'claim-1',
    participantId: 'p-1',
    dateOfDeath: '2026-11-10',
    benefitType: 'jkm-death',
    claimant: { kind: 'burial-arranger', fullName: 'Yakobus Manu' },
    submittedOn: '2026-11-12',
    submittedBy: 'officer-1',
    requiredDocuments: ['member-card', 'death-certificate', 'family-card', 'bank-book'],
  },
};

const received = (
  document: 'member-card' | 'death-certificate' | 'family-card' | 'bank-book',
): ClaimEvent => ({
  type: 'ClaimDocumentReceived',
  data: {
    claimId: 'claim-1',
    participantId: 'p-1',
    document,
    reference: `arsip/${document}`,
    receivedOn: '2026-11-12',
    recordedBy: 'officer-1',
  },
});

function fileOf(events: readonly ClaimEvent[]) {
  const state: ClaimState = events.reduce(evolveClaim, initialClaimState());
  if (state.status === 'none') throw new Error('no claim');
  return state.file;
}

describe('missing documents (the work queue and the maker see the same list)', () => {
  it('lists required documents not received yet, in checklist order', () => {
    expect(missingDocuments(fileOf([submitted, received('death-certificate')]))).toEqual([
      'member-card',
      'family-card',
      'bank-book',
    ]);
  });

  it('lists a requested document again until it comes back, once', () => {
    const requested: ClaimEvent = {
      type: 'ClaimDocumentsRequested',
      data: {
        claimId: 'claim-1',
        participantId: 'p-1',
        documents: ['family-card'],
        note: 'tidak terbaca',
        requestedOn: '2026-11-13',
        requestedBy: 'officer-1',
        slaClockPaused: false,
      },
    };
    const all = [
      submitted,
      ...(['member-card', 'death-certificate', 'family-card', 'bank-book'] as const).map(received),
    ];
    expect(missingDocuments(fileOf(all))).toEqual([]);
    expect(missingDocuments(fileOf([...all, requested]))).toEqual(['family-card']);
  });
});
