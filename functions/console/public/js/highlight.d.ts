// Types for the unit tests (not served: see public/.assetsignore).
export interface SnippetRun { text: string; hit: boolean }
export function snippetRuns(snippet: string | null | undefined): SnippetRun[];
