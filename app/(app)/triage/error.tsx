"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function TriageError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="The triage queue could not be loaded."
      context="Syncs keep running; only this page failed."
    />
  );
}
