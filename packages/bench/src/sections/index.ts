// Bench sections in the order they run. Add new sections here.
import type { BenchSection } from "../section.ts";
import { detectorPipeline } from "./detector-pipeline.ts";
import { evaluatorVsXgboost } from "./evaluator-vs-xgboost.ts";

export const SECTIONS: BenchSection[] = [detectorPipeline, evaluatorVsXgboost];
