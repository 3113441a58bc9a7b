// Expected import of the built-in template operations-summary.md: [section path, rrule, onDemand, businessHoursOnly,
// items as "kind: text" ("x" = checked, ">" = nested)].
import type { Expected } from "./types";

export const OPERATIONS_SUMMARY: Expected = [
  [
    "✅ Quality Assurance Checklist › Infrastructure ✅",
    null,
    false,
    false,
    [
      "task x: Issue templates configured (3)",
      "task x: PR template configured",
      "task x: CI/CD pipeline working",
      "task x: Dependabot configured",
      "task x: Security policy published",
      "task x: Contributor framework ready",
      "task x: Maintenance procedures documented",
    ],
  ],
  [
    "✅ Quality Assurance Checklist › Documentation ✅",
    null,
    false,
    false,
    [
      "task x: Maintenance strategy complete",
      "task x: Operational runbook complete",
      "task x: Security policy complete",
      "task x: Emergency procedures documented",
      "task x: Release procedures documented",
    ],
  ],
  [
    "✅ Quality Assurance Checklist › Automation ✅",
    null,
    false,
    false,
    [
      "task x: Automated testing on every PR",
      "task x: Weekly security scans",
      "task x: Automated dependency updates",
      "task x: Code quality checks",
      "task x: Package building",
    ],
  ],
  [
    "✅ Quality Assurance Checklist › Processes ✅",
    null,
    false,
    false,
    [
      "task x: Issue triage process",
      "task x: PR review process",
      "task x: Release procedures (3 types)",
      "task x: Emergency procedures (2 types)",
      "task x: Contribution management",
    ],
  ],
];
