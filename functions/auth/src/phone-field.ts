// The `phone` field of a request body: absent/null stays so, anything else must normalise to E.164.
import { problems } from "@traceo/problem";
import { normalisePhone } from "./phone.ts";

export function phoneFrom(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const phone = normalisePhone(value);
  if (!phone) {
    throw problems.invalidRequest("`phone` must be an international number with its country code, e.g. +44 20 7946 0958 (7-15 digits).", [{ path: "phone", message: "not an E.164 phone number" }]);
  }
  return phone;
}
