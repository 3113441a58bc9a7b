// Every document steward sends must be one GitHub accepts: validated against the published schema.
import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { githubSchema } from "@/lib/github/test-server";
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
