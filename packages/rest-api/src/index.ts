export { API_BASE_PATH, API_VERSION, buildOpenApiDocument, DOCUMENT_PUBLIC_URL } from "./openapi";
export { createRestApi, type RestApiOptions } from "./rest-api";
