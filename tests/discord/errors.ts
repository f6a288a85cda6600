import type {
  RESTError,
  RESTErrorData,
  RESTErrorFieldInformation,
  RESTRateLimit,
} from "discord-api-types/v10";
import { RESTJSONErrorCodes } from "discord-api-types/v10";

/** An HTTP answer in Discord's shape: a status, a JSON body (or none) and extra headers. */
export interface HttpAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export const answer = (status: number, body?: unknown, headers?: Record<string, string>): HttpAnswer => ({
  status,
  ...(body === undefined ? {} : { body }),
  ...(headers ? { headers } : {}),
});

export function apiError(status: number, code: number, message: string, errors?: RESTErrorData): HttpAnswer {
  const body: RESTError = { code, message, ...(errors ? { errors } : {}) };
  return answer(status, body);
}

/** Discord's answers for plain HTTP failures carry `code: 0` and the status line as message. */
export const httpError = (status: number, text: string): HttpAnswer =>
  apiError(status, RESTJSONErrorCodes.GeneralError, `${status}: ${text}`);

export const unauthorized = () => httpError(401, "Unauthorized");
export const notFound = () => httpError(404, "Not Found");
export const methodNotAllowed = () => httpError(405, "Method Not Allowed");
export const internalError = (status = 500) =>
  httpError(
    status,
    status === 502 ? "Bad Gateway" : status === 503 ? "Service Unavailable" : "Internal Server Error",
  );

export const unknownInteraction = () =>
  apiError(404, RESTJSONErrorCodes.UnknownInteraction, "Unknown interaction");
export const alreadyAcknowledged = () =>
  apiError(
    400,
    RESTJSONErrorCodes.InteractionHasAlreadyBeenAcknowledged,
    "Interaction has already been acknowledged.",
  );
export const unknownMessage = () => apiError(404, RESTJSONErrorCodes.UnknownMessage, "Unknown Message");
export const unknownWebhook = () => apiError(404, RESTJSONErrorCodes.UnknownWebhook, "Unknown Webhook");
export const invalidWebhookToken = () =>
  apiError(401, RESTJSONErrorCodes.InvalidWebhookToken, "Invalid Webhook Token");
export const missingAccess = () => apiError(403, RESTJSONErrorCodes.MissingAccess, "Missing Access");
export const emptyMessage = () =>
  apiError(400, RESTJSONErrorCodes.CannotSendAnEmptyMessage, "Cannot send an empty message");
export const invalidJson = () =>
  apiError(400, RESTJSONErrorCodes.RequestBodyContainsInvalidJSON, "The request body contains invalid JSON.");

export function rateLimited(retryAfterSeconds: number, global: boolean): RESTRateLimit {
  return {
    message: "You are being rate limited.",
    retry_after: retryAfterSeconds,
    global,
  };
}

type Path = readonly (string | number)[];

/** One field's problem: where (`["embeds", 0, "title"]`), Discord's code and its message. */
export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

interface ErrorNode {
  _errors?: RESTErrorFieldInformation[];
  [key: string]: ErrorNode | RESTErrorFieldInformation[] | undefined;
}

/**
 * Collects field errors into Discord's nested "Invalid Form Body" tree, e.g.
 * `{ data: { embeds: { 0: { title: { _errors: [{ code, message }] } } } } }`.
 */
export class FormErrors {
  private readonly root: ErrorNode = {};
  private count = 0;

  add(path: Path, code: string, message: string): void {
    let node = this.root;
    for (const key of path) {
      const k = String(key);
      let child = node[k];
      if (!child || Array.isArray(child)) {
        child = {};
        node[k] = child;
      }
      node = child;
    }
    node._errors ??= [];
    node._errors.push({ code, message });
    this.count += 1;
  }

  get size(): number {
    return this.count;
  }

  /** Whether a problem was reported at exactly `path`. */
  has(path: Path): boolean {
    let node: ErrorNode | RESTErrorFieldInformation[] | undefined = this.root;
    for (const key of path) {
      if (!node || Array.isArray(node)) return false;
      node = node[String(key)];
    }
    return node !== undefined && !Array.isArray(node) && (node._errors?.length ?? 0) > 0;
  }

  get tree(): RESTErrorData {
    return this.root as RESTErrorData;
  }

  /** The 400 answer, or null when nothing was wrong. */
  answer(): HttpAnswer | null {
    if (this.count === 0) return null;
    return apiError(400, RESTJSONErrorCodes.InvalidFormBodyOrContentType, "Invalid Form Body", this.tree);
  }

  // Discord's wording for the common cases.
  maxLength(path: Path, max: number) {
    this.add(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
  }
  badLength(path: Path, min: number, max: number) {
    this.add(path, "BASE_TYPE_BAD_LENGTH", `Must be between ${min} and ${max} in length.`);
  }
  required(path: Path) {
    this.add(path, "BASE_TYPE_REQUIRED", "This field is required");
  }
  type(path: Path, what: "string" | "int" | "boolean" | "array" | "object" | "snowflake") {
    const messages = {
      string: ["BASE_TYPE_STRING", "Must be a string."],
      int: ["NUMBER_TYPE_COERCE", "Value is not int."],
      boolean: ["BASE_TYPE_BOOLEAN", "Must be either true or false."],
      array: ["BASE_TYPE_ARRAY", "Must be an array."],
      object: ["DICT_TYPE_CONVERT", "Only dictionaries may be used in a DictType"],
      snowflake: ["NUMBER_TYPE_COERCE", "Value is not snowflake."],
    } as const;
    const [code, message] = messages[what];
    this.add(path, code, message);
  }
  choices(path: Path, allowed: readonly (string | number)[]) {
    this.add(
      path,
      "BASE_TYPE_CHOICES",
      `Value must be one of {${allowed.map((v) => JSON.stringify(v)).join(", ")}}.`,
    );
  }
}
