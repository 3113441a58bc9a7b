import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { generateRepo } from "./generator";
import {
  buildCheckRunPayload,
  buildCheckSuitePayload,
  buildDependabotAlertPayload,
  buildIssueCommentPayload,
  buildIssuesPayload,
  buildLabelPayload,
  buildPullRequestPayload,
  buildPullRequestReviewPayload,
  buildReleasePayload,
  buildWorkflowRunPayload,
  sendWebhook,
  signWebhook,
  verifyWebhookSignature,
} from "./webhooks";

const repo = generateRepo({ owner: "acme", name: "widgets", seed: 21, issues: 200, pulls: 80 });

describe("webhook signatures", () => {
  it("reproduces GitHub's documented test vector", () => {
    expect(signWebhook("It's a Secret to Everybody", "Hello, World!")).toBe(
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    );
  });

  it("verifies only the exact body with the exact secret", () => {
    const header = signWebhook("s3cret", '{"a":1}');
    expect(verifyWebhookSignature("s3cret", '{"a":1}', header)).toBe(true);
    expect(verifyWebhookSignature("s3cret", '{"a":2}', header)).toBe(false);
    expect(verifyWebhookSignature("other", '{"a":1}', header)).toBe(false);
    expect(verifyWebhookSignature("s3cret", '{"a":1}', undefined)).toBe(false);
  });

  it("delivers to a local listener with GitHub's headers and a verifiable signature", async () => {
    const received: { headers: IncomingHttpHeaders; body: string }[] = [];
    const listener = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => listener.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(listener.address() as AddressInfo).port}/api/webhooks/github`;
      const payload = buildIssuesPayload(repo, 1, "opened");
      const res = await sendWebhook({ url, secret: "hook-secret", event: "issues", payload });
      await sendWebhook({ url, secret: "hook-secret", event: "issues", payload, deliveryId: "redelivery-1" });
      expect(res.status).toBe(202);
      const [first, second] = received;
      expect(first?.headers).toMatchObject({
        "x-github-event": "issues",
        "user-agent": "GitHub-Hookshot/test",
        "content-type": "application/json",
      });
      expect(first?.headers["x-github-delivery"]).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
      expect(second?.headers["x-github-delivery"]).toBe("redelivery-1");
      expect(
        verifyWebhookSignature("hook-secret", first?.body ?? "", String(first?.headers["x-hub-signature-256"])),
      ).toBe(true);
      expect(
        verifyWebhookSignature("wrong-secret", first?.body ?? "", String(first?.headers["x-hub-signature-256"])),
      ).toBe(false);
      expect(JSON.parse(first?.body ?? "null")).toEqual(JSON.parse(JSON.stringify(payload)));
    } finally {
      await new Promise<void>((resolve) => listener.close(() => resolve()));
    }
  });
});

describe("payload builders", () => {
  const issue = repo.items.find(
    (i) => i.__typename === "Issue" && i.author?.__typename === "User" && i.commentCount > 0 && i.labels.length > 0,
  );
  const botPr = repo.items.find((i) => i.__typename === "PullRequest" && i.author?.login === "dependabot");
  const reviewed = repo.items.find((i) => i.__typename === "PullRequest" && i.reviews.length > 0);
  if (!issue || !botPr || !reviewed || reviewed.__typename !== "PullRequest")
    throw new Error("fixture repo lacks an item kind");

  it("builds issues / issue_comment / label payloads with REST shapes", () => {
    const opened = buildIssuesPayload(repo, issue.number, "labeled", { label: issue.labels[0]?.name });
    expect(opened).toMatchObject({
      action: "labeled",
      repository: { full_name: "acme/widgets", name: "widgets", owner: { login: "acme" } },
      issue: {
        number: issue.number,
        title: issue.title,
        node_id: issue.id,
        state: issue.state.toLowerCase(),
        labels: expect.any(Array),
      },
      label: { name: issue.labels[0]?.name },
    });
    expect(opened.sender.login).toBe(issue.author?.login);
    const comment = buildIssueCommentPayload(repo, issue.number, 0);
    expect(comment).toMatchObject({
      action: "created",
      comment: { id: issue.comments[0]?.databaseId, body: issue.comments[0]?.body },
    });
    expect(buildLabelPayload(repo, "P1", "edited").label).toMatchObject({ name: "P1", color: "d93f0b" });
  });

  it("names bots with [bot] in REST payloads, unlike GraphQL", () => {
    const payload = buildPullRequestPayload(repo, botPr.number, "opened");
    expect(payload.pull_request.user).toMatchObject({ login: "dependabot[bot]", type: "Bot" });
    expect(payload.pull_request).toMatchObject({
      number: botPr.number,
      head: { ref: expect.stringMatching(/^dependabot\//) },
      base: { ref: "main" },
    });
    const release = repo.releases.find((r) => r.author === null);
    if (!release) throw new Error("no bot-published release");
    expect(buildReleasePayload(repo, release.tagName).release.author.login).toBe("github-actions[bot]");
  });

  it("builds pull_request_review, check_run, check_suite and workflow_run payloads from a PR's head commit", () => {
    const review = buildPullRequestReviewPayload(repo, reviewed.number, 0);
    expect(review).toMatchObject({
      action: "submitted",
      review: { state: reviewed.reviews[0]?.state.toLowerCase() },
      pull_request: { number: reviewed.number },
    });
    const head = reviewed.commits.at(-1)?.commit;
    const suite = head?.checkSuites.find((s) => s.workflowRun !== null);
    const run = suite?.checkRuns[0];
    if (!head || !suite || !run) throw new Error("head commit has no Actions suite");
    expect(buildCheckRunPayload(repo, run).check_run).toMatchObject({
      name: run.name,
      head_sha: head.oid,
      check_suite: { head_branch: reviewed.headRefName },
    });
    expect(buildCheckSuitePayload(repo, suite).check_suite).toMatchObject({ id: suite.databaseId, head_sha: head.oid });
    expect(buildWorkflowRunPayload(repo, suite)).toMatchObject({
      workflow_run: { name: suite.workflowRun?.workflow.name, head_sha: head.oid },
      workflow: { name: suite.workflowRun?.workflow.name },
    });
  });

  it("builds dependabot_alert payloads with REST's lower-case enums", () => {
    const alert = repo.vulnerabilityAlerts.find((a) => a.state === "AUTO_DISMISSED") ?? repo.vulnerabilityAlerts[0];
    if (!alert) throw new Error("no alerts");
    const payload = buildDependabotAlertPayload(repo, alert.number, "auto_dismissed");
    expect(payload.alert).toMatchObject({
      number: alert.number,
      state: alert.state.toLowerCase(),
      security_advisory: {
        ghsa_id: alert.securityAdvisory.ghsaId,
        severity: alert.securityAdvisory.severity.toLowerCase(),
      },
      security_vulnerability: {
        package: {
          name: alert.securityVulnerability.package.name,
          ecosystem: alert.securityVulnerability.package.ecosystem.toLowerCase(),
        },
      },
      auto_dismissed_at: alert.autoDismissedAt,
    });
  });
});
