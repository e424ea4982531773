// Bench sections in the order they run. Add new sections here.
import type { BenchSection } from "../section.ts";
import { detectorPipeline } from "./detector-pipeline.ts";
import { evaluatorVsXgboost } from "./evaluator-vs-xgboost.ts";
import { fieldEncryption } from "./field-encryption.ts";
import { passwordHashing } from "./password-hashing.ts";

export const SECTIONS: BenchSection[] = [detectorPipeline, evaluatorVsXgboost, fieldEncryption, passwordHashing];
