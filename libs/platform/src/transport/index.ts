export * from './event-context';
export * from './event-payload-schemas';
export * from './kafka-event-transport';
export * from './event-errors.filter';
export * from './event-payload.pipe';
