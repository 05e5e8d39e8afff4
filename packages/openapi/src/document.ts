/**
 * The Sessions API's OpenAPI 3.1 document as a value.
 *
 * @example
 * import { openapiDocument } from "@sessions-api/openapi/document";
 * app.get("/openapi.json", (c) => c.json(openapiDocument));
 */
export { openapiDocument } from "./generated/openapi-document.js";
/** The same document with its prose in Simplified Chinese (`spec/overlays/zh-CN.yaml`): documentation only. */
export { openapiDocument as openapiDocumentZhCN } from "./generated/openapi-document.zh-CN.js";
export type { OpenApiDocument } from "./openapi-document-type.js";
