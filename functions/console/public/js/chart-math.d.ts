// Types for the unit tests (not served: see public/.assetsignore).
export function gaugeArc(score: number, geometry?: { cx?: number; cy?: number; r?: number }): string;
export function niceMax(value: number): number;
export function daysBetween(from: Date, to: Date): string[];
export interface ReasonBar { message: string; contribution: number; direction: "toward" | "away"; share: number }
export function reasonBars(reasons: { message: string; contribution: number }[]): ReasonBar[];
