export { describeFeature, describeFeatures, hasWording, type ExplainedFeature } from "./messages.ts";
