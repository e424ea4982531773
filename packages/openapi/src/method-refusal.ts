// 405 answers for the other methods of a path: handlers, but not operations of the API document
// (the route-list test tells them apart with isMethodRefusal).
import type { Handler } from "hono";
import { problems } from "@traceo/problem";

const refusals = new WeakSet<Handler>();

export function refuseMethods(allowed: string[]): Handler {
  const handler: Handler = () => {
    throw problems.methodNotAllowed(allowed);
  };
  refusals.add(handler);
  return handler;
}

export function isMethodRefusal(handler: unknown): boolean {
  return typeof handler === "function" && refusals.has(handler as Handler);
}
