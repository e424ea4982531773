export { describeFeature, hasWording } from "./messages.ts";
