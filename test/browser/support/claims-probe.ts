// What the claims service has heard, read from its database: a test proposes a decision only
// once claims knows the participant's heirs and paid months, since a proposal made before the
// Kafka hops arrive is decided on what claims knew then (never used for a test's assertions).
import { expect } from '@playwright/test';
import { Client } from 'pg';
import { browserPlatform } from './handle';

export async function untilClaimsKnows(
  participantId: string,
  expected: { readonly heirs: number; readonly paidMonths: number },
  patience: { readonly timeout: number; readonly intervals?: number[] },
): Promise<void> {
  const client = new Client({ connectionString: browserPlatform().probes.claimsDatabaseUrl });
  await client.connect();
  try {
    await expect(async () => {
      const { rows } = await client.query<{ heirs: number; paid: number }>(
        `select jsonb_array_length(h.heirs) as heirs,
                jsonb_array_length(c.coverage->'paidMonths') as paid
           from participants p
           join participant_heirs h using (participant_id)
           join participant_coverage c using (participant_id)
          where p.participant_id = $1`,
        [participantId],
      );
      expect(rows[0]).toEqual({ heirs: expected.heirs, paid: expected.paidMonths });
    }).toPass(patience);
  } finally {
    await client.end();
  }
}
