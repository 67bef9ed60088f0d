import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The lint rules of decision 11 are what keeps class identity and module state from crossing
// module copies again; this proves they fire, so that a config change cannot quietly drop them.
const eslint = new ESLint();
const problems = async (code: string, filePath: string) => {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((message) => message.ruleId === "no-restricted-syntax").map((message) => message.message);
};

describe("lint rules against identity across module copies", () => {
  it("refuses instanceof of a class a module defines, anywhere", async () => {
    const code = 'import { DomainError } from "@/domain/errors";\nexport const f = (e: unknown) => e instanceof DomainError;\n';
    expect(await problems(code, "src/server/http/example.ts")).toEqual([expect.stringContaining("instanceof is false across module copies")]);
    expect(await problems(code, "tests/integration/example.test.ts")).toHaveLength(1);
    expect(await problems('import { is } from "drizzle-orm";\nimport { PgTransaction } from "drizzle-orm/pg-core";\nexport const f = (d: unknown) => d instanceof PgTransaction;\n', "src/domain/example.ts")).toHaveLength(1);
  });

  it("allows instanceof of the realm's own classes and the brand guards", async () => {
    expect(await problems("export const f = (e: unknown) => e instanceof Error || e instanceof Date;\n", "src/server/example.ts")).toEqual([]);
    expect(await problems('import { isDomainError } from "@/domain/errors";\nexport const f = (e: unknown) => isDomainError(e);\n', "src/server/example.ts")).toEqual([]);
  });

  it("refuses module-level mutable state and objects in server code", async () => {
    expect(await problems("let cached: string | undefined;\nexport const get = () => (cached ??= 'x');\n", "src/server/example.ts")).toHaveLength(1);
    expect(await problems("export const limiter = new Map<string, number>();\n", "src/server/http/example.ts")).toHaveLength(1);
    expect(await problems('export const CODES = new Set(["a"]);\n', "src/domain/example.ts")).toEqual([]);
  });
});
