import type { JsonValue } from '@santunan/contracts';

export type JsonRecord = { readonly [key: string]: JsonValue };
