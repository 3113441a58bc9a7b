import { describe, expect, it } from "vitest";
import { repositoryWebUrl } from "./lists";

describe("repositoryWebUrl", () => {
  it("cuts an item, commit or release address back to the repository", () => {
    expect(repositoryWebUrl("https://github.com/acme/widgets/issues/12")).toBe("https://github.com/acme/widgets");
    expect(repositoryWebUrl("https://ghe.example.org/acme/widgets/pull/3")).toBe(
      "https://ghe.example.org/acme/widgets",
    );
    expect(repositoryWebUrl("http://127.0.0.1:3309/acme/widgets/commit/abc123")).toBe(
      "http://127.0.0.1:3309/acme/widgets",
    );
    expect(repositoryWebUrl("https://github.com/acme/widgets")).toBeNull();
    expect(repositoryWebUrl(null)).toBeNull();
  });
});
