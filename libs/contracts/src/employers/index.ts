/**
 * The employers context's published language, imported as `@santunan/contracts/employers`
 * (ADR 0037): events, schema versions, personal-data paths and JSON Schemas.
 */
export * from './events';
export * from './schemas';
