"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function ReleasesError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Release data could not be loaded."
      context="Syncing goes on in the background; only this page failed."
    />
  );
}
