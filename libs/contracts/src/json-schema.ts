/** A JSON Schema document as parsed JSON, with its relative `$id` (the file name). */
export interface JsonSchemaDocument {
  readonly $id: string;
  readonly [keyword: string]: unknown;
}
