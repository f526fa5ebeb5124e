import type { INestApplication } from '@nestjs/common';
import type { NestMicroservice } from '@nestjs/microservices';
import { ServiceRuntime } from '../service/service-runtime';
import { EventErrorsFilter } from '../transport/event-errors.filter';
import { EventPayloadPipe } from '../transport/event-payload.pipe';
import type { KafkaEventTransport } from '../transport/kafka-event-transport';

/**
 * Connects the service's Kafka consumers as a Nest microservice and starts them: its
 * `@EventPattern` handlers then receive the events of the topics its runtime consumes. A
 * service (or a tool) without consumers or workers gets nothing connected. Call it before
 * `listen`/`init`, in main.ts and in the test apps alike.
 */
export async function connectEventTransport(app: INestApplication): Promise<void> {
  const strategy = app.get(ServiceRuntime).eventTransport();
  if (strategy) await connectKafkaEvents(app, strategy);
}

/**
 * The microservice does not inherit the HTTP app's guards, pipes and filters (bearer tokens,
 * the strict body pipe, problem details); it gets the tolerant payload pipe and a filter that
 * hands errors back to the consumer unchanged.
 */
export async function connectKafkaEvents(
  app: INestApplication,
  strategy: KafkaEventTransport,
): Promise<void> {
  const microservice = app.connectMicroservice(
    { strategy },
    { inheritAppConfig: false, deferInitialization: true },
  ) as NestMicroservice;
  microservice.useGlobalPipes(new EventPayloadPipe());
  microservice.useGlobalFilters(new EventErrorsFilter());
  // The app has run its lifecycle hooks already; listening must not run them a second time.
  microservice.setIsInitHookCalled(true);
  await app.startAllMicroservices();
}
