"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function RepositoriesError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Repository data could not be loaded."
      context="Syncing goes on in the background; only this page failed."
    />
  );
}
