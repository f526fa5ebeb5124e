import {
  CLAIM_DOCUMENT_CODES,
  SCHOLARSHIP_DOCUMENT_CODES,
  type Claimant,
  type ClaimDocumentCode,
  type ClaimProgram,
  type JkkBenefitLine,
  type ScholarshipDocumentCode,
} from '@santunan/contracts';
import { hasReimbursement, jkkBenefitType } from '../policies/claim-under-assessment';

/** What decides a claim's checklist (rules reference §6). */
export interface ChecklistSubject {
  readonly program: ClaimProgram;
  /** JKK lines; empty for JKM. */
  readonly benefits: readonly JkkBenefitLine[];
  readonly trafficAccident: boolean;
  readonly claimant: Claimant;
}

const JKK_BASE: readonly ClaimDocumentCode[] = [
  'member-card',
  'ktp',
  'doctor-statement',
  'accident-chronology',
];
const JKM_BASE: readonly ClaimDocumentCode[] = ['member-card', 'ktp'];
const DEATH_BY_HEIR: readonly ClaimDocumentCode[] = [
  'death-certificate',
  'heir-certificate',
  'family-card',
  'heir-ktp',
];
/** No heir: whoever arranged the burial evidences the death and who they are. */
const DEATH_BY_BURIAL_ARRANGER: readonly ClaimDocumentCode[] = ['death-certificate', 'family-card'];

function deathDocuments(claimant: Claimant): readonly ClaimDocumentCode[] {
  switch (claimant.kind) {
    case 'heir':
      // The marriage book proves a widow's or widower's claim.
      return claimant.relationship === 'spouse'
        ? [...DEATH_BY_HEIR, 'marriage-book']
        : DEATH_BY_HEIR;
    case 'burial-arranger':
      return DEATH_BY_BURIAL_ARRANGER;
    case 'participant':
      return DEATH_BY_HEIR;
    default: {
      const _exhaustive: never = claimant;
      return _exhaustive;
    }
  }
}

/**
 * The documents a claim needs, in checklist order: JKK — member card, KTP, doctor's statement,
 * chronology with two witnesses, a police report for a traffic accident, receipts for any
 * reimbursement; a death adds the death certificate, heir certificate, family card, the heir's
 * KTP and (for a spouse) the marriage book; every claim pays into an account, so the bank book.
 */
export function requiredDocuments(subject: ChecklistSubject): ClaimDocumentCode[] {
  const wanted = new Set<ClaimDocumentCode>(['bank-book']);
  const add = (codes: readonly ClaimDocumentCode[]): void =>
    codes.forEach((code) => wanted.add(code));
  switch (subject.program) {
    case 'jkk':
      add(JKK_BASE);
      if (subject.trafficAccident) wanted.add('police-report');
      if (hasReimbursement(subject.benefits)) wanted.add('receipts');
      if (jkkBenefitType(subject.benefits) === 'jkk-death') add(deathDocuments(subject.claimant));
      break;
    case 'jkm':
      add(JKM_BASE);
      add(deathDocuments(subject.claimant));
      break;
    default: {
      const _exhaustive: never = subject.program;
      return _exhaustive;
    }
  }
  return CLAIM_DOCUMENT_CODES.filter((code) => wanted.has(code));
}

/**
 * A yearly scholarship application: birth certificate, family card, school enrolment letter,
 * latest report card, the child's or guardian's bank account. A child's first year at TK-SD has
 * no report card yet.
 */
export function scholarshipDocuments(firstYearAtSchool: boolean): ScholarshipDocumentCode[] {
  return SCHOLARSHIP_DOCUMENT_CODES.filter(
    (code) => !(firstYearAtSchool && code === 'latest-report-card'),
  );
}
