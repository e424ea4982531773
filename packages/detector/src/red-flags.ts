// Red flags: mechanics that legitimate mail does not use, too rare in the training data for the model
// to learn (an attached program appears once in 11,905 messages, a password field in none), so the
// model alone scored them as nothing. A message showing one is at least `suspicious`, and the flag is
// always among its reasons. The probability and score stay the model's: a flag says "look closer",
// not how likely phishing is.
//
// Rates in the shared training data (features of every message): attached program 1 of 4,140 old
// ham; double extension 0; password field 0; text before "@" in a link 1 ham, 33 spam, 71 phishing;
// attached web page with a script or form 0 ham, 3 spam, 3 phishing.

import { describeFeatures } from "./explain/index.ts";
import type { Reason, Verdict } from "./types.ts";

const RED_FLAGS = [
  "email_attachment_executable",
  "email_attachment_double_extension",
  "email_attachment_html_active",
  "email_html_password_fields",
  "email_link_userinfo",
] as const;

const WHY = "Legitimate mail does not do this, so the message is at least suspicious whatever its score.";

export interface RedFlagInput {
  /** Feature values by name (null: not measured). */
  values: ReadonlyMap<string, number | null>;
  evidence: Record<string, string>;
  /** The model's exact contribution of each feature (TreeSHAP), by name. */
  contributions: ReadonlyMap<string, number>;
}

/** The red flags a message shows, as reasons (the model's contribution kept, the sentence saying why it counts). */
export function redFlagReasons(input: RedFlagInput): Reason[] {
  const present = RED_FLAGS.filter((name) => (input.values.get(name) ?? 0) > 0);
  // Worded as if they raised the score, so the sentence states the fact, not an effect the model did not have.
  const messages = describeFeatures(
    present.map((feature) => ({ feature, value: input.values.get(feature) ?? null, contribution: 1 })),
    input.evidence,
  );
  return present.map((feature, i) => ({
    feature,
    value: input.values.get(feature) ?? null,
    contribution: input.contributions.get(feature) ?? 0,
    message: `${messages[i]!} ${WHY}`,
  }));
}

/** A red flag lifts `legitimate` to `suspicious`; it never lowers a verdict or makes one `phishing`. */
export function withRedFlags(verdict: Verdict, flags: readonly Reason[]): Verdict {
  return flags.length > 0 && verdict === "legitimate" ? "suspicious" : verdict;
}
