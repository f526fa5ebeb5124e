import { Module, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { BodyDepthMiddleware } from './body-limits';
import { ProblemDetailsFilter } from './problem-details.filter';
import { createValidationPipe } from './validation-pipe';

/**
 * Import once in a service's root module: every error becomes problem details, every parsed
 * body is refused when it nests too deeply (before any guard or pipe walks it), and every
 * request body is validated by the shared ValidationPipe.
 */
@Module({
  providers: [
    { provide: APP_FILTER, useClass: ProblemDetailsFilter },
    { provide: APP_PIPE, useFactory: createValidationPipe },
  ],
})
export class ProblemDetailsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(BodyDepthMiddleware).forRoutes('{*path}');
  }
}
