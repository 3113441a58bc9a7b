// Every document steward sends must be one GitHub accepts: validated against the published schema.
import { type OperationDefinitionNode, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { analyzeCost, githubSchema } from "@/lib/github/test-server";
import { DEFAULT_PAGE_SIZES } from "../sync/items";
import { followUpQuery } from "./follow-ups";
import * as items from "./items";
import * as repository from "./repository";

const FOLLOW_UPS = {
  FOLLOW_UPS_ONE: followUpQuery(["comments"]),
  FOLLOW_UPS_MIXED: followUpQuery([
    "comments",
    "events",
    "reviews",
    "labels",
    "contexts",
    "comments",
    "events",
    "reviews",
    "labels",
    "contexts",
  ]),
};
const documents = Object.entries({ ...items, ...FOLLOW_UPS, ...repository }).filter(
  (e): e is [string, string] => typeof e[1] === "string",
);

describe("GraphQL documents", () => {
  it.each(documents)("%s validates against GitHub's schema and asks for its rate limit", (_name, document) => {
    expect(validate(githubSchema(), parse(document)).map((e) => e.message)).toEqual([]);
    expect(document).toContain("rateLimit { cost remaining resetAt limit }");
  });

  it("covers every query the sync sends", () => {
    expect(documents.map(([name]) => name).sort()).toEqual([
      "ALERTS_PAGE",
      "ALERT_BY_NUMBER",
      "FOLLOW_UPS_MIXED",
      "FOLLOW_UPS_ONE",
      "HISTORY_PAGE",
      "ISSUES_PAGE",
      "ITEMS_BY_ID",
      "LABELS_PAGE",
      "MILESTONES_PAGE",
      "OPEN_ISSUES",
      "OPEN_PULLS",
      "PULLS_PAGE",
      "RECHECK_PAGE",
      "RELEASES_PAGE",
      "REPO_OVERVIEW",
      "TAGS_PAGE",
      "VIEWER",
    ]);
  });
});

describe("item page costs (GitHub: connections fetched ÷ 100, rounded to the nearest point)", () => {
  const cost = (document: string, first: number) => {
    const parsed = parse(document);
    const operation = parsed.definitions.find((d) => d.kind === "OperationDefinition") as OperationDefinitionNode;
    return analyzeCost(githubSchema(), parsed, operation, { owner: "o", name: "n", first });
  };

  it("100 issues: 1 + 100 × 4 connections (labels, assignees, comments, timeline) = 401 → 4 points", () => {
    expect(DEFAULT_PAGE_SIZES.issues).toBe(100);
    expect(cost(items.ISSUES_PAGE, 100)).toMatchObject({ requests: 401, cost: 4 });
  });

  it("49 PRs: 1 + 49 × 7 connections = 344 → 3 points, where 50 would be 351 → 4", () => {
    expect(DEFAULT_PAGE_SIZES.pulls).toBe(49);
    expect(cost(items.PULLS_PAGE, 49)).toMatchObject({ requests: 344, cost: 3 });
    expect(cost(items.PULLS_PAGE, 50)).toMatchObject({ requests: 351, cost: 4 });
  });
});
