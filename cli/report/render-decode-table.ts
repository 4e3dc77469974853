import type { AuxiliaryRequest, Ga4Event, VendorBeacon } from '../../shared/events/event-types.js';

interface DecodeOutput {
  events: Ga4Event[];
  beacon?: VendorBeacon;
  auxiliary?: AuxiliaryRequest;
}

/** A two-column view of decoded requests for reading in a terminal. */
export function renderDecodeTable(output: DecodeOutput): string {
  const lines: string[] = [];
  output.events.forEach((event, index) => {
    lines.push(
      `── event ${index + 1}/${output.events.length}: ${event.name ?? '(no event name)'}  (${event.endpoint})`,
    );
    lines.push(...rows('id', event.ids));
    lines.push(...rows('page', event.page));
    lines.push(...rows('param', event.params));
    event.items.forEach((item, itemIndex) => lines.push(...rows(`item[${itemIndex}]`, item)));
    lines.push(...rows('user', event.userProperties));
    for (const [signal, state] of Object.entries(event.consent)) {
      const value =
        typeof state === 'object' && state !== null && 'effective' in state
          ? state.effective
          : state;
      lines.push(row(`consent.${signal}`, value));
    }
    for (const warning of event.warnings)
      lines.push(row('warning', `${warning.code}: ${warning.message}`));
  });
  if (output.beacon) {
    const beacon = output.beacon;
    lines.push(
      `── ${beacon.vendor} beacon: ${beacon.name ?? '(no event name)'}  (${beacon.endpoint})`,
    );
    if (beacon.accountId) lines.push(row('account', beacon.accountId));
    lines.push(...rows('param', beacon.params));
    for (const warning of beacon.warnings)
      lines.push(row('warning', `${warning.code}: ${warning.message}`));
  }
  if (output.auxiliary) {
    lines.push(
      `── Google auxiliary request (${output.auxiliary.kind}), not an event  (${output.auxiliary.endpoint})`,
    );
  }
  return lines.join('\n') + '\n';
}

function rows(prefix: string, values: object): string[] {
  return Object.entries(values).map(([key, value]) => row(`${prefix}.${key}`, value));
}

function row(key: string, value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `  ${key.padEnd(28)} ${text}`;
}
