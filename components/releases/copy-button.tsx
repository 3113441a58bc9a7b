"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<"idle" | "done" | "failed">("idle");
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        variant="secondary"
        onClick={() => {
          navigator.clipboard.writeText(text).then(
            () => setCopied("done"),
            () => setCopied("failed"),
          );
        }}
      >
        {label}
      </Button>
      <span role="status" aria-live="polite" className="text-xs text-neutral-600 dark:text-neutral-400">
        {copied === "done" ? "Copied." : copied === "failed" ? "Copy failed — select the text instead." : ""}
      </span>
    </span>
  );
}
