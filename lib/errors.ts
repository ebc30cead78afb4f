// The only error types that reach a user; anything else is logged and shown
// as a generic message.
import type { ZodError } from "zod";

export type FieldErrors = Record<string, string[]>;

export class DomainError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class NotFound extends DomainError {
  constructor(message = "Not found") {
    super(message, 404, "not_found");
  }
}

export class Forbidden extends DomainError {
  constructor(message = "Forbidden") {
    super(message, 403, "forbidden");
  }
}

export class Unauthorized extends DomainError {
  constructor(message = "Sign-in required") {
    super(message, 401, "unauthorized");
  }
}

export class Conflict extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 409, "conflict");
  }
}

export class Invalid extends DomainError {
  constructor(
    message: string,
    readonly fieldErrors: FieldErrors = {},
  ) {
    super(message, 422, "invalid");
  }

  static fromZod(error: ZodError, message = "Please correct the highlighted fields"): Invalid {
    const fields: FieldErrors = {};
    for (const issue of error.issues) {
      const key = issue.path.length ? issue.path.join(".") : "_form";
      (fields[key] ??= []).push(issue.message);
    }
    return new Invalid(message, fields);
  }
}

export function isDomainError(e: unknown): e is DomainError {
  return e instanceof DomainError;
}
