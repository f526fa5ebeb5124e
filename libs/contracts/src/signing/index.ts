export * from './event-keyring';
export * from './event-signature';
export { default as EVENT_KEYRING_SCHEMA } from './event-keyring.schema.json';
