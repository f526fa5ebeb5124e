import {
  CLAIMS_PERSONAL_DATA_PATHS,
  CLAIMS_SCHEMA_VERSIONS,
  signatureHeaders,
  type ClaimsEvent,
  type ClaimsEventMap,
  type ClaimsEventType,
} from '@santunan/contracts';
import {
  ServiceRuntime,
  outboxMessageFor,
  type BoundDecider,
  type EventEnvelope,
  type MessagePublisher,
  type ServiceConfig,
} from '@santunan/platform';

/** Appends whatever it is told: the claims service's decisions, without its deciders. */
const passThrough: BoundDecider<ClaimsEvent, ClaimsEvent, null> = {
  initialState: () => null,
  evolve: (state) => state,
  decide: (event) => ({ ok: true, events: [event] }),
};

/**
 * Stands in for the claims service on a test's claims topic: its events go through a real
 * event store, personal fields sealed with the participant's key on the shared key database,
 * and out through the outbox relay — byte for byte what the claims service will publish.
 */
export class ClaimsPublisher {
  private constructor(
    private readonly runtime: ServiceRuntime,
    private readonly publisher: MessagePublisher,
    private readonly topic: string,
  ) {}

  static async start(config: ServiceConfig, topic: string): Promise<ClaimsPublisher> {
    const runtime = await ServiceRuntime.start({ config, topic });
    return new ClaimsPublisher(runtime, await runtime.messaging.createPublisher(), topic);
  }

  async publish<Type extends ClaimsEventType>(
    type: Type,
    data: ClaimsEventMap[Type],
    streamId: string,
    options: { readonly waitUntilPublished?: boolean } = {},
  ): Promise<EventEnvelope> {
    const result = await this.runtime
      .repository<ClaimsEvent>({
        streamType: 'claim',
        schemaVersions: CLAIMS_SCHEMA_VERSIONS,
        personalDataPaths: CLAIMS_PERSONAL_DATA_PATHS,
      })
      .handle({
        streamId,
        decider: passThrough,
        command: { type, data } as ClaimsEvent,
        actor: { id: 'supervisor-1', kind: 'user', roles: ['claims-supervisor'] },
        correlationId: `claim-${streamId}`,
        dataSubjectId: data.participantId,
      });
    if (!result.ok || result.events[0] === undefined)
      throw new Error('claims stub refused to append');
    if (options.waitUntilPublished !== false) await this.flush();
    return result.events[0];
  }

  /** Waits until the relay has published everything appended so far. */
  async flush(): Promise<void> {
    await this.runtime.waitUntilPublished(180_000);
  }

  /**
   * The same stored event published again, as a relay does after a crash (same event id),
   * signed as the relay signs it (ADR 0025).
   */
  async redeliver(envelope: EventEnvelope): Promise<void> {
    const message = outboxMessageFor(envelope, this.topic);
    const value = Buffer.from(message.payload, 'utf8');
    const { signingKey } = this.runtime.options.config.eventSigning;
    await this.publisher.publish(this.topic, [
      {
        key: message.key,
        value,
        headers: { ...message.headers, ...signatureHeaders(signingKey, this.topic, value) },
      },
    ]);
  }

  async stop(): Promise<void> {
    await this.publisher.close();
    await this.runtime.stop();
  }
}
