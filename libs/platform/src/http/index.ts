export * from './problem-details';
export * from './problem.exception';
export * from './problem-details.filter';
export * from './field-errors';
export * from './validation-pipe';
export * from './problem-details.module';
