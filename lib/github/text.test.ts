import { describe, expect, it } from "vitest";
import { cleanText, parseCleanJson, toActor } from "./text";

describe("cleanText", () => {
  it("strips NUL, keeps emoji and non-Latin text, repairs lone surrogates", () => {
    expect(cleanText("a\u0000b 🎉 Grüße 你好")).toBe("ab 🎉 Grüße 你好");
    expect(cleanText("x\uD800y\uDC00")).toBe("x\uFFFDy\uFFFD");
    expect(cleanText(null)).toBeNull();
  });

  it("cleans every string of a webhook payload", () => {
    expect(parseCleanJson('{"body":"hi\\u0000 👋","list":["\\u0000x"]}')).toEqual({ body: "hi 👋", list: ["x"] });
  });
});

describe("toActor", () => {
  it.each([
    [
      { __typename: "Bot", login: "dependabot" },
      { login: "dependabot", type: "bot" },
    ],
    [
      { type: "Bot", login: "dependabot[bot]" },
      { login: "dependabot", type: "bot" },
    ],
    [
      { __typename: "User", login: "renovate[bot]" },
      { login: "renovate", type: "bot" },
    ],
    [
      { __typename: "User", login: "alice" },
      { login: "alice", type: "user" },
    ],
    [
      { type: "User", login: "ghost" },
      { login: null, type: "ghost" },
    ],
    [null, { login: null, type: "ghost" }],
  ])("%j → %j", (raw, expected) => {
    expect(toActor(raw)).toEqual(expected);
  });
});
