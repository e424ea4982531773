// Type-level checks (they fail `npm run typecheck`): requests and answers carry the routes' schema
// types. At run time this file only builds clients; no request is sent.
import type { InferRequestType, InferResponseType } from "hono/client";
import { describe, expectTypeOf, it } from "vitest";
import { createAccountClient, createTraceoClient } from "./index.ts";

const api = createTraceoClient("http://127.0.0.1:8787", "sk_test_example");
const account = createAccountClient("http://127.0.0.1:8787", "access-token");

describe("typed client", () => {
  it("types analysis requests and reports from the route schemas", () => {
    type UrlRequest = InferRequestType<typeof api.analyze.v1.analyze.url.$post>["json"];
    expectTypeOf<UrlRequest>().toEqualTypeOf<{ url?: string | undefined; urls?: string[] | undefined }>();
    type Report = InferResponseType<typeof api.analyze.v1.analyze.url.$post, 200>;
    expectTypeOf<Report["verdict"]>().toEqualTypeOf<"phishing" | "suspicious" | "legitimate">();
    expectTypeOf<Report["score"]>().toEqualTypeOf<number>();
    expectTypeOf<Report["reasons"][number]["message"]>().toEqualTypeOf<string>();
    // @ts-expect-error a URL is a string
    void (() => api.analyze.v1.analyze.url.$post({ json: { url: 5 } }));
  });

  it("types reports, usage, keys and auth", () => {
    type SearchQuery = InferRequestType<typeof api.reports.v1.reports.$get>["query"];
    expectTypeOf<SearchQuery["q"]>().toEqualTypeOf<string | undefined>();
    type Page = InferResponseType<typeof api.reports.v1.reports.$get, 200>;
    expectTypeOf<Page["next_cursor"]>().toEqualTypeOf<string | null>();
    type Usage = InferResponseType<typeof api.reports.v1.usage.$get, 200>;
    expectTypeOf<Usage["granularity"]>().toEqualTypeOf<"hour" | "day">();
    type Created = InferResponseType<typeof account.keys.v1.keys.$post, 201>;
    expectTypeOf<Created["key"]>().toEqualTypeOf<string>();
    type Revoke = InferRequestType<(typeof account.keys.v1.keys)[":id"]["$delete"]>;
    expectTypeOf<Revoke["param"]["id"]>().toEqualTypeOf<string>();
    type Login = InferRequestType<typeof account.auth.auth.login.$post>["json"];
    expectTypeOf<Login["password"]>().toEqualTypeOf<string>();
  });
});
