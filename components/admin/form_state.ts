// Turning a posted form and a failed action into what the form shows again.
import { HttpError, ValidationError } from "../../lib/http/errors.ts";

/** Posted fields as strings; uploads (never expected here) are dropped. */
export function formStrings(
  body: Record<string, unknown>,
): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of Object.entries(body)) {
    if (typeof value === "string") fields[key] = value;
  }
  return fields;
}

export interface FormFailure {
  errors: Record<string, string>;
  formError?: string;
  status: 400 | 409;
}

/**
 * The field errors (first message per field) of a validation failure, or a
 * form-level message for a conflict; any other error is not the form's
 * business and is thrown on to the error handler.
 */
export function formFailure(
  error: unknown,
  fieldOfConflict: Record<string, string> = {},
): FormFailure {
  if (error instanceof ValidationError) {
    const errors: Record<string, string> = {};
    let formError: string | undefined;
    for (const issue of error.issues) {
      if (!issue.path) formError ??= issue.message;
      else errors[issue.path] ??= issue.message;
    }
    return { errors, formError, status: 400 };
  }
  if (error instanceof HttpError && error.status === 409) {
    const field = fieldOfConflict[error.code];
    return field
      ? { errors: { [field]: error.message }, status: 409 }
      : { errors: {}, formError: error.message, status: 409 };
  }
  throw error;
}
