// What the fuzz run feeds to which pipeline. Each target yields `count` inputs from a seed, in chunks,
// so a run is the same for the same seed and a 1 MB input is built only when it is used.
import fc from "fast-check";
import { EMAIL_SHAPES, URL_SHAPES, type Shape } from "../arbitraries/adversarial.ts";
import { anyInput, rfc822Message } from "../arbitraries/email.ts";
import { anyUrlInput } from "../arbitraries/url.ts";
import { emailPipeline, urlDetector, urlPipeline, type Outcome } from "../pipelines.ts";

export type Input = string | Uint8Array | string[];

export interface Target {
  name: string;
  /** How many inputs of `runs` this target takes (large inputs are fewer). */
  share: (runs: number) => number;
  inputs: (seed: number, count: number) => Iterable<Input>;
  run: (input: Input) => Outcome | Promise<Outcome>;
}

const KB = 1024;
const MB = 1024 * KB;
/** Sizes every adversarial shape is built at, so each bucket sees each shape. */
export const SHAPE_SIZES = [100, KB / 2, 16 * KB, 64 * KB - 512, 256 * KB, MB - 4096];

function* sampled<T>(arb: fc.Arbitrary<T>, seed: number, count: number): Iterable<T> {
  const CHUNK = 500;
  for (let done = 0, chunk = 0; done < count; done += CHUNK, chunk++) {
    yield* fc.sample(arb, { seed: (seed + chunk * 7919) | 0, numRuns: Math.min(CHUNK, count - done) });
  }
}

/** Every shape at every size (the table), then shapes at random sizes up to `maxSize`. */
function* shaped(shapes: readonly Shape[], sizes: readonly number[], maxSize: number, seed: number, count: number): Iterable<string> {
  let n = 0;
  for (const size of sizes) for (const s of shapes) if (n++ < count) yield s.build(size);
  if (n >= count) return;
  const pick = fc.tuple(fc.constantFrom(...shapes), fc.integer({ min: 1, max: maxSize }));
  for (const [shape, size] of sampled(pick, seed, count - n)) yield shape.build(size);
}

export const TARGETS: Target[] = [
  { name: "email: RFC 822 messages", share: (r) => r, inputs: (seed, n) => sampled(rfc822Message, seed, n), run: (i) => emailPipeline(i as string) },
  { name: "email: any string or bytes", share: (r) => r, inputs: (seed, n) => sampled(anyInput, seed + 1, n), run: (i) => emailPipeline(i as string | Uint8Array) },
  { name: "email: adversarial ≤1 MB", share: (r) => EMAIL_SHAPES.length * SHAPE_SIZES.length + Math.round(r / 40), inputs: (seed, n) => shaped(EMAIL_SHAPES, SHAPE_SIZES, MB - 4096, seed + 2, n), run: (i) => emailPipeline(i as string) },
  { name: "url: API (input check + detector)", share: (r) => r, inputs: (seed, n) => sampled(fc.oneof({ weight: 4, arbitrary: anyUrlInput.map((u) => [u]) }, fc.array(anyUrlInput, { minLength: 1, maxLength: 4 })), seed + 3, n), run: (i) => urlPipeline(i as string[]) },
  { name: "url: detector, any string", share: (r) => r, inputs: (seed, n) => sampled(fc.oneof(anyUrlInput, fc.string({ maxLength: 3000 })), seed + 4, n), run: (i) => urlDetector(i as string) },
  { name: "url: adversarial ≤8 KB (API) ", share: (r) => URL_SHAPES.length * 3 + Math.round(r / 40), inputs: (seed, n) => shaped(URL_SHAPES, [100, KB / 2, 8000], 8000, seed + 5, n), run: (i) => urlPipeline([i as string]) },
  { name: "url: adversarial ≤1 MB (detector)", share: (r) => URL_SHAPES.length * SHAPE_SIZES.length + Math.round(r / 100), inputs: (seed, n) => shaped(URL_SHAPES, SHAPE_SIZES, MB - 4096, seed + 6, n), run: (i) => urlDetector(i as string) },
];
