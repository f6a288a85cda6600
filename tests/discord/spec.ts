// Every request body the stand-in receives, checked against Discord's own OpenAPI specification
// (OpenAPI 3.1, so JSON Schema 2020-12): the operation is found by method and path template, and
// the body (JSON, or multipart's payload_json) is validated against its requestBody schema, with
// `$ref`s resolved to the spec's components. Validators are compiled on first use per operation
// and kept for the process. A violation is answered as Discord answers (400 50035 Invalid Form
// Body) and recorded (FakeDiscord.specViolations).
//
// The spec is read from ../shared/discord-api-spec/openapi.json beside the project, or from the
// path in APPARAT_DISCORD_SPEC. Without it the check is off, with a warning; under CI (CI set)
// its absence is an error.
//
// Discord calls the spec a preview: where it and Discord's documentation differ, the documentation
// wins, and the exceptions below (EXCEPTIONS) say so.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type { FieldError } from "./errors.js";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const DEFAULT_SPEC_PATH = resolve(PROJECT_ROOT, "../shared/discord-api-spec/openapi.json");
const SPEC_ID = "https://discord.com/api/v10/openapi.json";

/** A request body that broke the spec, as the stand-in recorded (and refused) it. */
export interface SpecViolation {
  method: string;
  /** The path below /api/v10, as sent. */
  path: string;
  /** The stand-in's route, e.g. `POST /channels/:channel/messages`. */
  route: string;
  /** The spec's operation, e.g. `POST /channels/{channel_id}/messages`. */
  operation: string;
  /** What was wrong, as Discord's 50035 tree says it (paths from the body's root). */
  errors: FieldError[];
  body: unknown;
}

type Json = Record<string, unknown>;

interface OpenApiDocument {
  paths: Record<string, Record<string, unknown>>;
  components: { schemas: Record<string, Json> };
}

/**
 * Where the spec and Discord's documentation differ, the documentation wins:
 *   - `default_member_permissions` of a command is "?string" in the documentation (a permission
 *     bit set as a decimal string, which discord.js and discord-api-types send); the spec types
 *     it as an integer. Both are taken.
 */
const EXCEPTIONS: ((schemas: Record<string, Json>) => void)[] = [
  (schemas) => {
    for (const name of [
      "ApplicationCommandCreateRequest",
      "ApplicationCommandUpdateRequest",
      "ApplicationCommandPatchRequestPartial",
    ]) {
      const properties = schemas[name]?.properties as Json | undefined;
      const integer = properties?.default_member_permissions;
      if (properties && integer)
        properties.default_member_permissions = { anyOf: [integer, { type: "string", pattern: "^[0-9]+$" }] };
    }
  },
];

export function specPath(env: NodeJS.ProcessEnv = process.env): string {
  return env.APPARAT_DISCORD_SPEC ? resolve(env.APPARAT_DISCORD_SPEC) : DEFAULT_SPEC_PATH;
}

const isCI = (env: NodeJS.ProcessEnv) => Boolean(env.CI) && env.CI !== "false" && env.CI !== "0";

const loaded = new Map<string, SpecChecker>();
let warned = false;

/**
 * The checker for Discord's spec (read once per process), or null when the spec is missing and
 * this is not CI (a warning says so, once). Under CI a missing spec throws.
 */
export function loadDiscordSpec(
  env: NodeJS.ProcessEnv = process.env,
  warn: (message: string) => void = (m) => console.warn(m),
): SpecChecker | null {
  const file = specPath(env);
  const known = loaded.get(file);
  if (known) return known;
  if (!existsSync(file)) {
    const message =
      `Discord's OpenAPI spec is not at ${file} (a copy of discord/discord-api-spec's specs/openapi.json; ` +
      "set APPARAT_DISCORD_SPEC to its path): the stand-in does not check request bodies against it.";
    if (isCI(env)) throw new Error(`${message} Under CI (CI=${env.CI}) the check is required.`);
    if (!warned) warn(message);
    warned = true;
    return null;
  }
  const checker = new SpecChecker(JSON.parse(readFileSync(file, "utf8")) as OpenApiDocument);
  loaded.set(file, checker);
  return checker;
}

interface Template {
  path: string;
  segments: string[];
  literals: number;
}

export class SpecChecker {
  private readonly ajv: Ajv2020;
  private readonly templates = new Map<number, Template[]>();
  private readonly validators = new Map<string, ValidateFunction | null>();

  constructor(private readonly spec: OpenApiDocument) {
    for (const apply of EXCEPTIONS) apply(spec.components.schemas);
    // Compiled for start-up time over speed: each e2e file is a new process that compiles the
    // operations its bot uses, and the bodies are small.
    this.ajv = new Ajv2020({
      strict: false,
      validateSchema: false,
      verbose: true,
      inlineRefs: false,
      code: { optimize: false },
      logger: false,
    });
    this.ajv.addFormat("snowflake", /^(0|[1-9][0-9]*)$/);
    this.ajv.addFormat("int32", {
      type: "number",
      validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
    });
    this.ajv.addFormat("int64", { type: "number", validate: (n: number) => Number.isInteger(n) });
    this.ajv.addFormat("double", { type: "number", validate: () => true });
    this.ajv.addFormat("uri", (s: string) => URL.canParse(s));
    this.ajv.addFormat(
      "date-time",
      (s: string) =>
        /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$/i.test(s) && !Number.isNaN(Date.parse(s)),
    );
    // A nonce's only rule beyond its type, at most 25 characters, is the schema's maxLength.
    this.ajv.addFormat("nonce", () => true);
    this.ajv.addSchema({ $id: SPEC_ID, paths: spec.paths, components: spec.components });
    for (const path of Object.keys(spec.paths)) {
      const segments = path.split("/");
      const literals = segments.filter((s) => !s.startsWith("{")).length;
      const list = this.templates.get(segments.length) ?? [];
      list.push({ path, segments, literals });
      this.templates.set(segments.length, list);
    }
  }

  /** The spec's path template for a request path (`/webhooks/1/t/messages/%40original`), if any. */
  pathTemplate(method: string, path: string): string | null {
    const segments = path.split("/").map((s) => {
      try {
        return decodeURIComponent(s);
      } catch {
        return s;
      }
    });
    let best: Template | null = null;
    for (const t of this.templates.get(segments.length) ?? []) {
      if (!(method.toLowerCase() in (this.spec.paths[t.path] ?? {}))) continue;
      const fits = t.segments.every((seg, i) =>
        seg.startsWith("{") ? segments[i] !== "" : seg === segments[i],
      );
      if (fits && (!best || t.literals > best.literals)) best = t;
    }
    return best?.path ?? null;
  }

  /**
   * Checks a body sent to `method path`: null when it is fine or the spec describes no body there,
   * else the operation and Discord's errors for it.
   */
  check(
    method: string,
    path: string,
    multipart: boolean,
    body: unknown,
  ): { operation: string; errors: FieldError[] } | null {
    const template = this.pathTemplate(method, path);
    if (!template) return null;
    const validate = this.validator(method.toLowerCase(), template, multipart);
    if (!validate || validate(body)) return null;
    return { operation: `${method.toUpperCase()} ${template}`, errors: discordErrors(validate.errors ?? []) };
  }

  private validator(method: string, template: string, multipart: boolean): ValidateFunction | null {
    const key = `${method} ${template} ${multipart}`;
    const known = this.validators.get(key);
    if (known !== undefined) return known;
    const operation = this.spec.paths[template]?.[method] as
      | { requestBody?: { content?: Record<string, { schema?: unknown }> } }
      | undefined;
    const content = operation?.requestBody?.content ?? {};
    const type =
      multipart && content["multipart/form-data"]?.schema ? "multipart/form-data" : "application/json";
    let validate: ValidateFunction | null = null;
    if (content[type]?.schema) {
      const pointer = ["paths", template, method, "requestBody", "content", type, "schema"]
        .map((s) => encodeURIComponent(s.replaceAll("~", "~0").replaceAll("/", "~1")))
        .join("/");
      validate = this.ajv.compile({ $ref: `${SPEC_ID}#/${pointer}` });
    }
    this.validators.set(key, validate);
    return validate;
  }
}

// ---------------------------------------------------------------------------------------------
// ajv's errors as Discord's

const COMBINATORS = new Set(["anyOf", "allOf", "if", "then", "else", "not"]);

const typesOf = (e: ErrorObject): string[] => {
  const t = (e.params as { type?: unknown }).type;
  return Array.isArray(t) ? t.map(String) : String(t).split(",");
};

/** A discriminated union's wrong branch: its `type` is not the one given. */
const isDiscriminator = (e: ErrorObject) =>
  (e.keyword === "enum" || e.keyword === "const") &&
  (e.instancePath === "/type" || e.instancePath.endsWith("/type"));

/** A `required` error from an object schema whose `type` discriminator does not fit the data. */
function wrongBranch(e: ErrorObject): boolean {
  const parent = e.parentSchema as Json | undefined;
  const discriminator = (parent?.properties as Json | undefined)?.type as Json | undefined;
  const data = e.data as Json | undefined;
  if (!discriminator || typeof data !== "object" || data === null || !("type" in data)) return false;
  if (Array.isArray(discriminator.enum)) return !discriminator.enum.includes(data.type);
  if ("const" in discriminator) return discriminator.const !== data.type;
  return false;
}

/**
 * Discord's 50035 errors for ajv's: the wrong branches of unions dropped (nullable `oneOf`s, and
 * discriminated unions whose `type` does not fit when another branch got further), one error per
 * field and code.
 */
export function discordErrors(errors: ErrorObject[]): FieldError[] {
  let kept = errors.filter((e) => {
    if (COMBINATORS.has(e.keyword)) return false;
    if (e.keyword === "oneOf") return Boolean((e.params as { passingSchemas?: unknown }).passingSchemas);
    if (e.keyword === "type" && typesOf(e).every((t) => t === "null")) return false;
    if (e.keyword === "required" && wrongBranch(e)) return false;
    return true;
  });
  const parentOf = (p: string) => p.slice(0, p.lastIndexOf("/"));
  const within = (e: ErrorObject, parent: string) =>
    e.instancePath === parent || e.instancePath.startsWith(`${parent}/`);
  kept = kept.filter(
    (e) =>
      !isDiscriminator(e) || !kept.some((o) => !isDiscriminator(o) && within(o, parentOf(e.instancePath))),
  );
  // At one place, a branch that took the value's type wins over those that did not.
  kept = kept.filter(
    (e) =>
      e.keyword !== "type" || !kept.some((o) => o.keyword !== "type" && o.instancePath === e.instancePath),
  );
  const out = new Map<string, FieldError & { choices?: Set<unknown> }>();
  for (const e of kept) {
    const f = fieldError(e);
    const key = JSON.stringify(f.path);
    const same = out.get(`${key} ${f.code}`);
    if (same?.choices && e.keyword === "enum") {
      for (const v of (e.params as { allowedValues: unknown[] }).allowedValues) same.choices.add(v);
      same.message = choicesMessage([...same.choices]);
      continue;
    }
    // One type error per field, whichever branch's.
    if (e.keyword === "type" && [...out.values()].some((o) => JSON.stringify(o.path) === key)) continue;
    if (same) continue;
    out.set(`${key} ${f.code}`, {
      ...f,
      ...(e.keyword === "enum"
        ? { choices: new Set((e.params as { allowedValues: unknown[] }).allowedValues) }
        : {}),
    });
  }
  return [...out.values()].map(({ path, code, message }) => ({ path, code, message }));
}

const choicesMessage = (values: unknown[]) =>
  `Value must be one of {${values
    .sort((a, b) => String(a).localeCompare(String(b), "en", { numeric: true }))
    .map((v) => JSON.stringify(v))
    .join(", ")}}.`;

function pointerPath(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
}

/** One ajv error in Discord's words (as validate.ts words them); ajv's own where Discord's are unknown. */
function fieldError(e: ErrorObject): FieldError {
  const path = pointerPath(e.instancePath);
  const parent = (e.parentSchema ?? {}) as Json;
  const params = e.params as Json;
  const snowflake = parent.format === "snowflake";
  const value =
    typeof e.data === "string" || typeof e.data === "number" ? String(e.data) : JSON.stringify(e.data);
  const length = (min: unknown, max: unknown): FieldError => {
    if (typeof min === "number" && min > 0 && typeof max === "number")
      return { path, code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` };
    if (typeof max === "number")
      return { path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` };
    return { path, code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${min} or more in length.` };
  };
  switch (e.keyword) {
    case "required":
      return {
        path: [...path, String(params.missingProperty)],
        code: "BASE_TYPE_REQUIRED",
        message: "This field is required",
      };
    case "maxLength":
    case "minLength":
      return length(parent.minLength, parent.maxLength);
    case "maxItems":
    case "minItems":
      return length(parent.minItems, parent.maxItems);
    case "maximum":
      return {
        path,
        code: "NUMBER_TYPE_MAX",
        message: `int value should be less than or equal to ${params.limit}.`,
      };
    case "minimum":
      return {
        path,
        code: "NUMBER_TYPE_MIN",
        message: `int value should be greater than or equal to ${params.limit}.`,
      };
    case "enum":
      return {
        path,
        code: "BASE_TYPE_CHOICES",
        message: choicesMessage([...(params.allowedValues as unknown[])]),
      };
    case "const":
      return { path, code: "BASE_TYPE_CHOICES", message: choicesMessage([params.allowedValue]) };
    case "pattern":
    case "format":
      if (snowflake)
        return { path, code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not snowflake.` };
      if (params.format === "uri")
        return { path, code: "URL_TYPE_INVALID_URL", message: "Not a well formed URL." };
      break;
    case "type": {
      if (snowflake)
        return { path, code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not snowflake.` };
      const [want] = typesOf(e).filter((t) => t !== "null");
      if (want === "string") return { path, code: "BASE_TYPE_STRING", message: "Must be a string." };
      if (want === "integer")
        return { path, code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not int.` };
      if (want === "number")
        return { path, code: "NUMBER_TYPE_COERCE", message: `Value "${value}" is not a valid number.` };
      if (want === "boolean")
        return { path, code: "BASE_TYPE_BOOLEAN", message: "Must be either true or false." };
      if (want === "array") return { path, code: "BASE_TYPE_ARRAY", message: "Must be an array." };
      if (want === "object")
        return { path, code: "DICT_TYPE_CONVERT", message: "Only dictionaries may be used in a DictType" };
      break;
    }
  }
  // Discord's wording for the rest (uniqueItems, an ambiguous oneOf, …) is not known: ajv's.
  return { path, code: `SPEC_${e.keyword.toUpperCase()}`, message: e.message ?? e.keyword };
}
