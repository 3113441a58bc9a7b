"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function IncidentsError(props: SegmentErrorProps) {
  return (
    <SegmentError
      {...props}
      title="Incidents could not be loaded."
      context="Alerts keep opening incidents in the background; only this page failed."
    />
  );
}
