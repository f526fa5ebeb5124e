import type { ServiceProblem, ServiceResult } from '../services/service-client';
import { EMPTY_FORM, type FormState } from './form-state';

/** What the search criteria the service takes are: an exact NIK, name words, or both. */
export interface ParticipantCriteria {
  readonly nik?: string;
  readonly name?: string;
  readonly limit: number;
}

/** The search form as sent (with its errors), the participants found, and the page's status. */
export interface ParticipantSearchAnswer<Found> {
  readonly form: FormState;
  readonly results: readonly Found[] | null;
  readonly status: 200 | 400;
}

function given(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed === undefined || trimmed === '' ? undefined : trimmed;
}

/**
 * A participant search by NIK or by name, as the enrollment officer and claims intake both ask
 * it (POSTed, so a NIK stays out of URLs): one of the two is needed, at most 50 are listed, and
 * the service's refusal is shown on the form. Each page says its own words and shows its own rows.
 */
export async function searchParticipants<Found>(
  values: Record<string, string>,
  {
    noCriteria,
    search,
    refusal,
  }: {
    /** The message beside the NIK when neither a NIK nor a name was given. */
    noCriteria: string;
    search: (
      criteria: ParticipantCriteria,
    ) => Promise<ServiceResult<{ readonly results: readonly Found[] }>>;
    refusal: (problem: ServiceProblem) => Pick<FormState, 'fieldErrors' | 'formError'>;
  },
): Promise<ParticipantSearchAnswer<Found>> {
  const nik = given(values['nik']);
  const name = given(values['name']);
  if (nik === undefined && name === undefined) {
    const form = { values, fieldErrors: { nik: [noCriteria] }, formError: null };
    return { form, results: null, status: 400 };
  }
  const result = await search({
    ...(nik === undefined ? {} : { nik }),
    ...(name === undefined ? {} : { name }),
    limit: 50,
  });
  if (!result.ok)
    return { form: { values, ...refusal(result.problem) }, results: null, status: 200 };
  return { form: { ...EMPTY_FORM, values }, results: result.value.results, status: 200 };
}
