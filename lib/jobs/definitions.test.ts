// `npm start` starts the worker before Next.js prepares its server, in the same process. Loading
// next/server that early breaks Next ("AsyncLocalStorage accessed in runtime where it is not
// available"), so job code must not import it (e.g. through lib/errors.ts). Checked in a fresh process.
import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { RECURRING_JOBS } from "./definitions";

describe("recurring jobs", () => {
  it("load without any Next.js module", () => {
    const script = `import { createRequire } from "node:module";
      await import("./lib/jobs/definitions.ts");
      const loaded = Object.keys(createRequire(import.meta.url).cache).filter((k) => k.includes("/node_modules/next/"));
      console.log(JSON.stringify(loaded));`;
    const output = execFileSync(
      process.execPath,
      ["--import", "tsx", "--import", "./scripts/hooks/register.mjs", "--input-type=module", "-e", script],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output.trim().split("\n").at(-1)!)).toEqual([]);
  });

  it("has unique names and the health jobs", () => {
    const names = RECURRING_JOBS.map((j) => j.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(["health-checks", "health-rollups", "health-retention"]));
  });
});
