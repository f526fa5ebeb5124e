import { Catch, type ExceptionFilter } from '@nestjs/common';
import { throwError, type Observable } from 'rxjs';

/**
 * Hands a handler's error back to the transport unchanged. Nest's default RPC filter would
 * replace it with "Internal server error", and the consumer needs the real one to tell a
 * database outage (hold the partition) from a bug (retry, then dead-letter with the message).
 */
@Catch()
export class EventErrorsFilter implements ExceptionFilter {
  catch(exception: unknown): Observable<never> {
    return throwError(() => exception);
  }
}
