// argon2id at the shipped parameters: the cost of one login.
import { passwordHashBench } from "@traceo/auth/bench";
import type { BenchSection } from "../section.ts";

export const passwordHashing: BenchSection = {
  name: "password-hashing",
  async run(ctx) {
    for (const line of await passwordHashBench()) ctx.log(line);
  },
};
