import { BaseRpcContext } from '@nestjs/microservices';
import type { Transaction } from '../database/platform-database';
import type { ConsumedEvent, MessageSource } from '../consumers/consumed-event';

/**
 * What an `@EventPattern` handler gets beside its payload (`@Ctx() context: EventContext`): the
 * whole envelope (ids, metadata, where it came from) and the consumer's transaction. Write through
 * `context.transaction` only: the inbox row commits with it, anything else is not rolled back.
 */
export class EventContext extends BaseRpcContext<[ConsumedEvent<unknown>, Transaction]> {
  get event(): ConsumedEvent<unknown> {
    return this.args[0];
  }

  get transaction(): Transaction {
    return this.args[1];
  }

  get source(): MessageSource {
    return this.args[0].source;
  }
}
