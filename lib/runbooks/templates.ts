// The built-in templates: the seed runbooks, shipped as they are (lib/runbooks/templates/*.md).
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { TemplateId } from "./schemas";

export const TEMPLATES: Record<TemplateId, { name: string; description: string }> = {
  "open-source-maintenance": {
    name: "Open-source maintenance runbook",
    description:
      "Daily morning check, weekly planning and reviews, monthly and quarterly reviews, release and emergency procedures.",
  },
  "service-maintenance": {
    name: "Service maintenance runbook",
    description:
      "Health checks every 4 hours, error-log review, weekly and monthly reviews, outage, breach and performance responses.",
  },
  "operations-summary": {
    name: "Operations summary checklist",
    description:
      "The quality-assurance checklist of an operation & maintenance phase (mis-decoded UTF-8, repaired on import).",
  },
};

export async function readTemplate(id: TemplateId): Promise<string> {
  return readFile(path.join(process.cwd(), "lib", "runbooks", "templates", `${id}.md`), "utf8");
}
