import type { AnalyzeApp } from "../index.ts";
import { MODEL_VERSIONS } from "@traceo/detector";

export function registerHealth(app: AnalyzeApp): void {
  app.get("/health", (c) => c.json({ status: "ok", models: MODEL_VERSIONS }));
}
