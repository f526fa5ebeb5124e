/**
 * The published JSON Schemas (draft-07) of `enrollment.events`: one per event type and schema version,
 * each the whole envelope with its `data`. They describe the wire form: personal fields are
 * encrypted objects. Referenced by docs/asyncapi/santunan.asyncapi.yaml; ADR 0019.
 */
import type { JsonSchemaDocument } from '../../json-schema';
import type { EnrollmentEventType } from '../events';
import childRegisteredForScholarship from './child-registered-for-scholarship.schema.json';
import common from './common.schema.json';
import declaredIncomeChanged from './declared-income-changed.schema.json';
import envelope from './envelope.schema.json';
import heirsDesignated from './heirs-designated.schema.json';
import participantDeceasedV1 from './participant-deceased.schema.json';
import participantDeceased from './participant-deceased.v2.schema.json';
import participantDetailsCorrected from './participant-details-corrected.schema.json';
import participantRegistered from './participant-registered.schema.json';

/** Referenced by the event schemas (`common.schema.json#/definitions/…`, the envelope). */
export const ENROLLMENT_SHARED_SCHEMAS: readonly JsonSchemaDocument[] = [common, envelope];

/** The schema of each event type at its current schema version. */
export const ENROLLMENT_EVENT_SCHEMAS: Readonly<Record<EnrollmentEventType, JsonSchemaDocument>> = {
  ParticipantRegistered: participantRegistered,
  ParticipantDetailsCorrected: participantDetailsCorrected,
  DeclaredIncomeChanged: declaredIncomeChanged,
  HeirsDesignated: heirsDesignated,
  ChildRegisteredForScholarship: childRegisteredForScholarship,
  ParticipantDeceased: participantDeceased,
};

/** Versions the current ones replaced, still published (a replay republishes stored events). */
export const ENROLLMENT_EARLIER_EVENT_SCHEMAS: readonly JsonSchemaDocument[] = [
  participantDeceasedV1,
];
