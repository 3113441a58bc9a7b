import { NextResponse, type NextRequest } from "next/server";
import { withRoute } from "@/lib/route";
import { requirePrincipal } from "@/lib/auth/request";
import { previewMarkdown } from "@/lib/runbooks/import";
import { resolveMarkdown } from "@/lib/runbooks/store/save-import";
import { readImportRequest } from "@/lib/runbooks/http";
import { PreviewInput } from "@/lib/runbooks/schemas";

/** What an import would create (sections, cadences, items, suggested checks, warnings), without saving. */
export const POST = withRoute("/api/v1/runbooks/preview", async (request: NextRequest) => {
  await requirePrincipal(request, "maintainer");
  const input = await readImportRequest(request, PreviewInput);
  const { markdown } = await resolveMarkdown(input);
  const { title, sections, warnings } = previewMarkdown(markdown, input.name);
  return NextResponse.json({
    title,
    warnings,
    sections: sections.map((s) => ({
      title: s.title,
      path: s.path,
      cadence: {
        rrule: s.cadence.rrule,
        onDemand: s.cadence.onDemand,
        businessHoursOnly: s.cadence.businessHoursOnly,
        text: s.cadence.text,
        inherited: s.cadence.inherited,
      },
      items: s.items.map((i) => ({
        key: i.key,
        text: i.text,
        kind: i.kind,
        checked: i.checked,
        suggestedCheck: i.suggestedCheck,
        parentKey: i.parentKey,
      })),
      commands: s.commands,
      guidance: s.guidance,
    })),
  });
});
