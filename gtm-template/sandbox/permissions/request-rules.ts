import type { PermissionParams } from './permission-params.js';
import {
  describeArgument,
  textArgument,
  type Denial,
  type PermissionRule,
} from './permission-rule.js';

const COMPONENT_FLAGS: Record<string, string> = {
  body: 'bodyAllowed',
  header: 'headersAllowed',
  path: 'pathAllowed',
  query_parameter: 'queryParametersAllowed',
  remote_address: 'remoteAddressAllowed',
  method: 'methodAllowed',
  query_string: 'queryStringAllowed',
};

/**
 * read_request: `requestAccess` any|specific with one `…Allowed` boolean per part;
 * `headerAccess`/`queryParameterAccess` any|specific with `headerWhitelist` rows `{headerName}`
 * and `queryParameterWhitelist` rows `{queryParameter}` (reference notes §1.5). Query
 * `(component, name?)`, component one of body, header, method, path, query_parameter,
 * query_string, remote_address. The name lists apply only under `requestAccess: specific`:
 * GTM's editor exports hidden `headerAccess`/`queryParameterAccess` values beside `any`.
 * `methodAllowed` and `queryStringAllowed` were seen once (§1.5
 * [U]); an entry without them lets the method through and ties the query string to the
 * query parameters, so templates exported before those boxes existed keep working.
 */
export const readRequestRule: PermissionRule = {
  id: 'read_request',
  contexts: ['server'],
  check: (params, args) => {
    const component = textArgument(args, 0);
    const flag = Object.hasOwn(COMPONENT_FLAGS, component) ? COMPONENT_FLAGS[component] : undefined;
    if (flag === undefined)
      return {
        subject: `reading the request part ${describeArgument(args[0])}`,
        fix: 'ask for a part GTM names',
      };
    if (!partAllowed(params, component, flag)) {
      return {
        subject: `reading the request ${component.replace('_', ' ')}`,
        fix: `tick ${flag} or allow any request access`,
      };
    }
    if (params.text('requestAccess') !== 'specific') return undefined;
    if (component === 'header')
      return checkName(params, 'headerAccess', 'headerWhitelist', 'headerName', args[1], 'header');
    if (component === 'query_parameter') {
      return checkName(
        params,
        'queryParameterAccess',
        'queryParameterWhitelist',
        'queryParameter',
        args[1],
        'query parameter',
      );
    }
    return undefined;
  },
};

function partAllowed(params: PermissionParams, component: string, flag: string): boolean {
  if (params.text('requestAccess') !== 'specific') return true;
  if (params.flag(flag)) return true;
  if (component === 'method') return !params.has(flag);
  if (component === 'query_string')
    return !params.has(flag) && params.flag('queryParametersAllowed');
  return false;
}

function checkName(
  params: PermissionParams,
  accessParam: string,
  listParam: string,
  nameKey: string,
  raw: unknown,
  noun: string,
): Denial | undefined {
  if (params.text(accessParam) !== 'specific') return undefined;
  const wanted = typeof raw === 'string' ? raw.toLowerCase() : undefined;
  const isListed = params
    .records(listParam)
    .some(
      (row) => typeof row[nameKey] === 'string' && String(row[nameKey]).toLowerCase() === wanted,
    );
  if (wanted !== undefined && isListed) return undefined;
  const what =
    wanted === undefined ? `every request ${noun}` : `the request ${noun} ${describeArgument(raw)}`;
  return {
    subject: `reading ${what}`,
    fix: wanted === undefined ? `allow any ${noun}` : `add it to ${listParam}`,
  };
}

const RESPONSE_FLAGS: Record<string, string> = {
  header: 'writeHeadersAllowed',
  status: 'writeStatusAllowed',
  body: 'writeBodyAllowed',
};

/**
 * access_response: `writeResponseAccess` any|specific with `writeStatusAllowed`,
 * `writeHeadersAllowed`, `writeBodyAllowed`; `writeHeaderAccess` any|specific with
 * `writeHeaderWhitelist` rows `{headerName}`. Published templates pair `writeResponseAccess: any`
 * with a hidden `writeHeaderAccess: specific` and no list, and set headers, so the header list
 * applies only under `writeResponseAccess: specific`. Query `('write'?, component, name?)`, component header, status or body.
 */
export const accessResponseRule: PermissionRule = {
  id: 'access_response',
  contexts: ['server'],
  check: (params, args) => {
    const rest = args[0] === 'write' ? args.slice(1) : args;
    const component = textArgument(rest, 0);
    const flag = Object.hasOwn(RESPONSE_FLAGS, component) ? RESPONSE_FLAGS[component] : undefined;
    if (flag === undefined)
      return {
        subject: `writing the response part ${describeArgument(rest[0])}`,
        fix: 'ask for header, status or body',
      };
    if (params.text('writeResponseAccess') !== 'specific') return undefined;
    if (!params.flag(flag)) {
      return {
        subject: `writing the response ${component}`,
        fix: `tick ${flag} or allow any response access`,
      };
    }
    if (component !== 'header' || params.text('writeHeaderAccess') !== 'specific') return undefined;
    const wanted = typeof rest[1] === 'string' ? rest[1].toLowerCase() : undefined;
    const isListed = params
      .records('writeHeaderWhitelist')
      .some((row) => typeof row.headerName === 'string' && row.headerName.toLowerCase() === wanted);
    if (wanted !== undefined && isListed) return undefined;
    return {
      subject: `writing the response header ${describeArgument(rest[1])}`,
      fix: 'add it to the allowed response headers',
    };
  },
};
