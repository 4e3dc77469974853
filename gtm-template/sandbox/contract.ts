/**
 * The seams between the four parts of the template toolchain: the `.tpl` parser, the sandboxed
 * JavaScript interpreter, the template APIs with their permission checks, and the test runner.
 * Everything here runs in Node and in a browser page alike (the demo shop runs the web mirror
 * template live in the page), so no Node-only API appears in these types.
 */

/** Which GTM container a template runs in; decides the JS and permission sections and the APIs. */
export type ContainerContext = 'web' | 'server';

/** `___INFO___.type`: a tag, a variable (GTM calls it MACRO) or a server client. */
export type TemplateKind = 'TAG' | 'MACRO' | 'CLIENT';

/** One `___TESTS___` scenario: its name and the sandboxed JavaScript of its body. */
export interface TestScenario {
  name: string;
  code: string;
}

/** A `.tpl` file read into its sections, with the raw JSON kept as GTM wrote it. */
export interface ParsedTemplate {
  context: ContainerContext;
  kind: TemplateKind;
  /** `___INFO___` as parsed JSON. */
  info: Record<string, unknown>;
  /** `___TEMPLATE_PARAMETERS___` as parsed JSON (an array of field definitions). */
  parameters: unknown[];
  /** The body of `function (data) { … }`: `___SANDBOXED_JS_FOR_WEB_TEMPLATE___` or `…_SERVER___`. */
  code: string;
  /** `___WEB_PERMISSIONS___` or `___SERVER_PERMISSIONS___` as parsed JSON entries. */
  permissions: PermissionEntry[];
  tests: { scenarios: TestScenario[]; setup: string };
  notes: string;
}

/** GTM's tagged value union inside permission entries (only these four tags occur in exports). */
export type TypedValue =
  | { type: 1; string: string }
  | { type: 2; listItem: TypedValue[] }
  | { type: 3; mapKey: TypedValue[]; mapValue: TypedValue[] }
  | { type: 8; boolean: boolean };

/** One entry of a permissions section. */
export interface PermissionEntry {
  instance: {
    key: { publicId: string; versionId: string };
    param: Array<{ key: string; value: TypedValue }>;
  };
  clientAnnotations?: { isEditedByUser?: boolean };
  isRequired?: boolean;
}

/**
 * Raised by an API when the template's permissions do not allow a call. The interpreter turns it
 * into a failure of the running template (as GTM does: the tag fails and Preview shows the
 * message), never into an exception that escapes to the host.
 */
/**
 * A value an API hands back by reference: when the host value was copied out of the sandbox,
 * the sandbox gets its original object again instead of a copy. `templateStorage` keeps
 * references this way (reference §2.5), so a template that mutates what it stored sees the
 * change on its next run.
 */
export class SandboxReference {
  constructor(readonly host: unknown) {}
}

export class PermissionDeniedError extends Error {
  constructor(
    readonly api: string,
    readonly permission: string,
    message: string,
  ) {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

/**
 * Answers "may this template make this call?" from its permission entries, with GTM's matching
 * rules (URL match patterns, key patterns, cookie names, tables…).
 */
export interface PermissionChecker {
  /** Throws PermissionDeniedError with a GTM-like message when the call is not allowed. */
  assert(api: string, permission: string, ...args: unknown[]): void;
  /** `queryPermission(permission, ...args)`: true when the call would be allowed. */
  query(permission: string, ...args: unknown[]): boolean;
}

/** An HTTP response as the server APIs hand it to templates. */
export interface HttpResponse {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** An outgoing request made by `sendPixel`, `sendHttpRequest`, `sendHttpGet`, `injectScript`… */
export interface OutgoingRequest {
  api: string;
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  timeoutMs?: number;
}

/**
 * Where network APIs send. Tests use a recorder that never touches the network; the live mode
 * (the demo shop, a real collector) really sends.
 */
export interface NetworkPort {
  send(request: OutgoingRequest): Promise<HttpResponse>;
}

/**
 * What an API needs from the world around the template. Values are host-native: plain objects,
 * arrays and primitives, and functions that run sandbox code when called.
 */
export interface ApiEnvironment {
  context: ContainerContext;
  permissions: PermissionChecker;
  /** Milliseconds since the epoch; fixed and steppable in tests. */
  now(): number;
  /** A number in [0, 1); seeded in tests. */
  random(): number;
  /** Queues a task to run after the current code finishes (callLater, callbacks of sends). */
  schedule(task: () => void): void;
  /** Registers work the runner must wait for before deciding a verdict. */
  track<T>(promise: Promise<T>): Promise<T>;
  network: NetworkPort;
  log(level: 'info' | 'warn' | 'error', values: unknown[]): void;
  /** The kind of template running, when known: `claimRequest` fails outside a CLIENT. */
  templateKind?: TemplateKind;
  /** Mutable world state the APIs read and write; see WebWorld and ServerWorld. */
  web?: WebWorld;
  server?: ServerWorld;
}

/** The page a web template runs in: a plain-object stand-in, or the real page in live mode. */
export interface WebWorld {
  window: Record<string, unknown>;
  /** GTM's data model: what `copyFromDataLayer` reads (version 2 semantics). */
  dataLayerModel: Record<string, unknown>;
  cookies: Array<{ name: string; value: string }>;
  url: string;
  referrer: string;
  title: string;
  characterSet: string;
  consent: Record<string, 'granted' | 'denied'>;
  localStorage: Map<string, string>;
  templateStorage: Map<string, unknown>;
  containerVersion: Record<string, unknown>;
}

/** The request and event a server template handles. */
export interface ServerWorld {
  eventData: Record<string, unknown>;
  request: {
    method: string;
    path: string;
    query: string;
    headers: Record<string, string>;
    body: string;
    remoteAddress: string;
  };
  response: {
    status: number;
    headers: Record<string, string>;
    body: string;
    sent: boolean;
    /** `Set-Cookie` header values written by `setCookie`, one per cookie, in call order. */
    setCookies?: string[];
  };
  cookies: Array<{ name: string; value: string }>;
  templateDataStorage: Map<string, unknown>;
  bigQuery: Array<{ table: Record<string, unknown>; rows: unknown[] }>;
  firestore: Map<string, Record<string, unknown>>;
  containerVersion: Record<string, unknown>;
  clientName: string;
  /** Set by `claimRequest`. */
  requestClaimed?: boolean;
  /** `hmacSha256` keys by id, base64-encoded, as in the `SGTM_CREDENTIALS` key file. */
  privateKeys?: Record<string, string>;
  /** URLs handed to the browser by `sendPixelFromBrowser`. */
  browserPixels?: string[];
}

/** A host function the sandbox can call; arguments arrive already copied out of the sandbox. */
export type HostFunction = (...args: unknown[]) => unknown;

/** One API as `require(name)` exposes it: a function, or an object of functions (JSON, Math…). */
export interface ApiDefinition {
  name: string;
  contexts: ContainerContext[];
  create(environment: ApiEnvironment): HostFunction | Record<string, HostFunction>;
}
