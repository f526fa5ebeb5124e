import { translator } from '../i18n/messages';
import type { PageContext } from '../web/page-context';
import type { HistoryEvent } from './enrollment-office.api';
import { historyLine } from './history-words';

function pageIn(lang: 'id' | 'en'): PageContext {
  return { lang, t: translator(lang), user: null, csrfToken: '', path: '/', notice: null };
}

function event(type: string, data: Record<string, unknown>): HistoryEvent {
  return {
    version: 1,
    eventId: 'e-1',
    type,
    occurredAt: '2026-06-01T01:00:00Z',
    recordedAt: '2026-06-01T01:00:00Z',
    actor: { id: 'officer-1', kind: 'user' },
    data,
  };
}

describe('a participant’s history in people’s words', () => {
  it('tells an income change with the amounts and the month', () => {
    const change = event('DeclaredIncomeChanged', {
      declaredIncome: 1_500_000,
      previousIncome: 1_000_000,
      effectiveFrom: '2026-06',
    });
    expect(historyLine(pageIn('id'), change)).toBe(
      'Penghasilan yang dilaporkan diubah dari Rp1.000.000 menjadi Rp1.500.000 mulai Jun 2026.',
    );
    expect(historyLine(pageIn('en'), change)).toBe(
      'Declared income changed from Rp1.000.000 to Rp1.500.000 from Jun 2026.',
    );
  });

  it('names the heirs as disclosed (masked, or erased) with their relationship', () => {
    const designated = event('HeirsDesignated', {
      heirs: [
        { heirId: 'h1', fullName: 'M. B.', relationship: 'spouse' },
        { heirId: 'h2', fullName: { redacted: true }, relationship: 'child' },
      ],
    });
    expect(historyLine(pageIn('en'), designated)).toMatch(
      /^Heirs designated: M\. B\. \(Spouse\); .+ \(Child\)\.$/,
    );
  });

  it('lists what a correction changed, with its reason, and names an unknown event by type', () => {
    expect(
      historyLine(
        pageIn('id'),
        event('ParticipantDetailsCorrected', { occupation: 'petani', reason: 'sesuai KTP' }),
      ),
    ).toBe('Data dikoreksi (pekerjaan). Alasan: sesuai KTP');
    expect(historyLine(pageIn('en'), event('SomethingNew', {}))).toBe('Event SomethingNew.');
  });

  it('says who recorded a death: a claim’s death certificate, or an enrollment officer’s akta kematian', () => {
    const fromClaim = event('ParticipantDeceased', {
      participantId: 'p-1',
      dateOfDeath: '2026-05-02',
      recordedBy: { kind: 'claims-event', eventId: 'claims-event-1' },
    });
    const reported = event('ParticipantDeceased', {
      participantId: 'p-1',
      dateOfDeath: '2026-05-02',
      recordedBy: {
        kind: 'enrollment-officer',
        officerId: 'officer-1',
        deathCertificateReference: '5371-KM-0042',
      },
    });
    expect(historyLine(pageIn('id'), fromClaim)).toBe(
      'Meninggal dunia pada 2 Mei 2026 (dicatat dari akta kematian pada klaim).',
    );
    expect(historyLine(pageIn('en'), fromClaim)).toBe(
      'Died on 2 May 2026 (recorded from the death certificate on a claim).',
    );
    expect(historyLine(pageIn('id'), reported)).toBe(
      'Meninggal dunia pada 2 Mei 2026, dicatat petugas kepesertaan dari akta kematian nomor 5371-KM-0042.',
    );
    expect(historyLine(pageIn('en'), reported)).toBe(
      'Died on 2 May 2026, recorded by an enrollment officer from death certificate number 5371-KM-0042.',
    );
  });
});
