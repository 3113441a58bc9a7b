"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function HealthError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Health data could not be loaded."
      context="Checks keep running in the background; only this page failed."
    />
  );
}
