/**
 * The shape of the bundled OpenAPI document, loose on purpose: consumers walk it generically
 * (serving, validation), and the typed view of the API lives in the generated `paths` types.
 */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string; [key: string]: unknown };
  paths: Record<string, Record<string, unknown>>;
  components: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}
