// .env.example lists every variable lib/env.ts reads, so a new setting cannot be left undocumented.
import { readFileSync } from "node:fs";
import { expect, it } from "vitest";
import { EnvSchema } from "@/lib/env";

it(".env.example mentions every configuration variable", () => {
  const example = readFileSync(".env.example", "utf8");
  const missing = Object.keys(EnvSchema.shape).filter((name) => !new RegExp(`^#? ?${name}=`, "m").test(example));
  expect(missing, "add these to .env.example").toEqual([]);
});
