"use client";
import { useState } from "react";
import { useRouter } from "next/navigation";
import { TEMPLATE_IDS } from "@/lib/runbooks/schemas";
import { useImportMutation, usePreviewMutation } from "@/lib/runbooks/hooks";
import type { PreviewResponse } from "@/lib/runbooks/preview-types";
import { Button } from "@/components/ui/button";
import type { KeptEdit } from "@/lib/runbooks/store/save-import-types";
import { ImportPreviewEditor, type PreviewEdits } from "./import-preview";
import { KeptEdits } from "./kept-edits";
import { FormError } from "@/components/ui/form-message";

const TEMPLATE_NAMES: Record<string, string> = {
  "open-source-maintenance": "Open-source maintenance runbook",
  "service-maintenance": "Service maintenance runbook",
  "operations-summary": "Operations summary checklist",
};

/** Import from a template, pasted markdown or a file; preview, edit cadences and checks, then import (and activate). */
export function ImportPanel({ initialTemplate, runbookId }: { initialTemplate?: string; runbookId?: string }) {
  const router = useRouter();
  const [mode, setMode] = useState<"template" | "markdown">(initialTemplate || !runbookId ? "template" : "markdown");
  const [template, setTemplate] = useState(
    initialTemplate && (TEMPLATE_IDS as readonly string[]).includes(initialTemplate)
      ? initialTemplate
      : TEMPLATE_IDS[0],
  );
  const [markdown, setMarkdown] = useState("");
  const [fileError, setFileError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewResponse | null>(null);
  const [edits, setEdits] = useState<PreviewEdits>({ sections: {}, checks: {} });
  const [kept, setKept] = useState<KeptEdit[] | null>(null);
  const previewMutation = usePreviewMutation();
  const importMutation = useImportMutation();
  const source = mode === "template" ? { template } : { markdown };

  const onFile = async (file: File | undefined) => {
    setFileError(null);
    if (!file) return;
    try {
      setMarkdown(new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer()));
      setMode("markdown");
    } catch {
      setFileError("The file is not UTF-8 text. Save it as UTF-8 and try again.");
    }
  };
  const runPreview = () =>
    previewMutation.mutate(source, {
      onSuccess: (p) => {
        setPreview(p);
        setEdits({ sections: {}, checks: {} });
      },
    });
  const runImport = (activate: boolean) =>
    importMutation.mutate(
      {
        ...source,
        ...(runbookId ? { runbookId, name: preview?.title } : {}),
        activate,
        sections: Object.values(edits.sections),
        checks: edits.checks,
      },
      {
        onSuccess: (outcome) => {
          setPreview(null);
          if (runbookId && outcome.kept.length > 0) setKept(outcome.kept);
          else router.push(activate ? "/today" : "/runbooks");
        },
      },
    );

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-4 text-sm" role="radiogroup" aria-label="Source">
        <label className="flex items-center gap-1">
          <input type="radio" checked={mode === "template"} onChange={() => setMode("template")} /> Built-in template
        </label>
        <label className="flex items-center gap-1">
          <input type="radio" checked={mode === "markdown"} onChange={() => setMode("markdown")} /> Paste or upload
          markdown
        </label>
      </div>
      {mode === "template" ? (
        <div className="text-sm">
          <label htmlFor="import-template" className="block">
            Template
          </label>
          <select
            id="import-template"
            value={template}
            onChange={(e) => setTemplate(e.target.value as typeof template)}
            className="mt-1 block rounded border border-neutral-300 bg-white px-2 py-1 dark:border-neutral-700 dark:bg-neutral-900"
          >
            {TEMPLATE_IDS.map((t) => (
              <option key={t} value={t}>
                {TEMPLATE_NAMES[t]}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <div className="space-y-2">
          <label className="block text-sm">
            Markdown
            <textarea
              value={markdown}
              onChange={(e) => setMarkdown(e.target.value)}
              rows={8}
              className="mt-1 block w-full rounded border border-neutral-300 bg-white p-2 font-mono text-xs dark:border-neutral-700 dark:bg-neutral-900"
            />
          </label>
          <label className="block text-sm">
            Or upload a file{" "}
            <input
              type="file"
              accept=".md,.markdown,.txt,text/markdown,text/plain"
              onChange={(e) => void onFile(e.target.files?.[0])}
              className="ml-2 text-xs"
            />
          </label>
          {fileError && <FormError>{fileError}</FormError>}
        </div>
      )}
      {kept && <KeptEdits kept={kept} />}
      <Button variant="secondary" onClick={runPreview} disabled={previewMutation.isPending}>
        Preview
      </Button>
      {previewMutation.error && <FormError>{previewMutation.error.message}</FormError>}
      {preview && (
        <>
          <ImportPreviewEditor preview={preview} edits={edits} onChange={setEdits} />
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => runImport(true)} disabled={importMutation.isPending}>
              {runbookId ? "Re-import" : "Import and activate"}
            </Button>
            {!runbookId && (
              <Button variant="secondary" onClick={() => runImport(false)} disabled={importMutation.isPending}>
                Import paused
              </Button>
            )}
          </div>
          {importMutation.error && <FormError>{importMutation.error.message}</FormError>}
        </>
      )}
    </div>
  );
}
