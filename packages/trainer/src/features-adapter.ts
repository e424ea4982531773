// The one place the trainer touches the detector's feature module, so training and the worker
// always compute features with the same TypeScript code.
import { EMAIL_FEATURE_NAMES, emailFeatures, parseEmail } from "../../detector/src/email/index.ts";
import { URL_FEATURE_NAMES, urlFeatures } from "../../detector/src/url/index.ts";

export interface FeatureModule {
  emailNames: readonly string[];
  urlNames: readonly string[];
  /** Feature values aligned with emailNames, and the message's links; throws on a message that cannot be parsed. */
  emailRow(raw: Uint8Array): Promise<{ values: ArrayLike<number | null>; urls: readonly string[] }>;
  /** Feature values aligned with urlNames; throws on a URL that cannot be parsed. */
  urlRow(url: string): ArrayLike<number | null>;
}

export const features: FeatureModule = {
  emailNames: EMAIL_FEATURE_NAMES,
  urlNames: URL_FEATURE_NAMES,
  emailRow: async (raw) => emailFeatures(await parseEmail(raw)),
  urlRow: (url) => urlFeatures(url).values,
};
