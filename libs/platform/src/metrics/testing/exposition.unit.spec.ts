import { parseExposition, sampleValue } from './exposition';

const SCRAPE = `# HELP santunan_outbox_messages Rows in the outbox.
# TYPE santunan_outbox_messages gauge
santunan_outbox_messages 12
santunan_consumer_dead_lettered_messages_total{consumer="claims.enrollment-facts",topic="enrollment.events",reason="SIGNATURE_MISSING"} 2
santunan_http_request_duration_seconds_bucket{le="+Inf",method="GET",route="/claims/:claimId",status_code="200"} 3
`;

describe('parseExposition', () => {
  it('reads names, labels and values, and skips comments', () => {
    expect(parseExposition(SCRAPE)).toHaveLength(3);
    expect(sampleValue(SCRAPE, 'santunan_outbox_messages')).toBe(12);
    expect(
      sampleValue(SCRAPE, 'santunan_consumer_dead_lettered_messages_total', {
        reason: 'SIGNATURE_MISSING',
      }),
    ).toBe(2);
    expect(
      sampleValue(SCRAPE, 'santunan_http_request_duration_seconds_bucket', {
        route: '/claims/:claimId',
        le: '+Inf',
      }),
    ).toBe(3);
    expect(
      sampleValue(SCRAPE, 'santunan_consumer_dead_lettered_messages_total', { reason: 'OTHER' }),
    ).toBeUndefined();
  });
});
