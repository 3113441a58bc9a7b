"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function MetricsError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Metrics could not be computed."
      context="Synced data is untouched; only this page failed. A repository filter naming a repository steward does not sync also ends here."
    />
  );
}
