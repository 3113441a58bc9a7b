// One error shape for every API response: { error: { code, message, fieldErrors? } }. Never a stack trace.
import type { z } from "zod";
import { logger } from "@/lib/logger";

export type ApiErrorCode =
  | "bad_request"
  | "validation_failed"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "payload_too_large"
  | "unsupported_media_type"
  | "too_many_requests"
  | "unavailable"
  | "internal";

export type ApiErrorBody = { error: { code: ApiErrorCode; message: string; fieldErrors?: Record<string, string[]> } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ApiErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export function validationError(error: z.ZodError): ApiError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return new ApiError(400, "validation_failed", "Some fields are invalid.", fieldErrors);
}

/** A plain Response (not NextResponse), so lib code that throws ApiError never loads Next itself. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    const body: ApiErrorBody = { error: { code: error.code, message: error.message } };
    if (error.fieldErrors) body.error.fieldErrors = error.fieldErrors;
    return Response.json(body, { status: error.status, headers: error.headers });
  }
  logger.error("unhandled error in request", { error });
  const body: ApiErrorBody = {
    error: { code: "internal", message: "Something went wrong on our side. It has been logged." },
  };
  return Response.json(body, { status: 500 });
}
