export { ProblemError, problemBody, problemResponse, PROBLEM_CONTENT_TYPE, type ProblemInit } from "./problem.ts";
export { problems, CLIENT_CLOSED_REQUEST } from "./catalog.ts";
export { problemErrorHandler, problemNotFound } from "./error-handler.ts";
export { limitBody } from "./body-limit.ts";
export { readJsonBody, isJsonContentType } from "./json-body.ts";
