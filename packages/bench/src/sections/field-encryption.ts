// AES-256-GCM field encryption inside workerd beside `openssl speed` on the same machine.
import { cryptoBench } from "@traceo/crypto/bench";
import type { BenchSection } from "../section.ts";

export const fieldEncryption: BenchSection = {
  name: "field-encryption",
  async run(ctx) {
    for (const line of await cryptoBench()) ctx.log(line);
  },
};
