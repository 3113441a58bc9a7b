"use client";
import { SegmentError, type SegmentErrorProps } from "@/components/ui/segment-error";

export default function SectionError(props: SegmentErrorProps) {
  return (
    <SegmentError {...props} title="This page could not be loaded." context="Try again, or check the server log." />
  );
}
