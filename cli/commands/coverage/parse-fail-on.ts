import {
  coverageGapKinds,
  type CoverageGapKind,
} from '../../../shared/container/coverage-types.js';
import { UsageError } from '../../usage-error.js';

/**
 * The gap kinds `--fail-on` names: a comma-separated list (`no-ga4-tag,missing-required`;
 * dashes or underscores), or `any` for every kind.
 */
export function parseFailOn(value: string): CoverageGapKind[] {
  const names = value
    .split(',')
    .map((name) => name.trim().toLowerCase().replace(/-/g, '_'))
    .filter(Boolean);
  if (names.includes('any')) return [...coverageGapKinds];

  const unknown = names.filter((name) => !(coverageGapKinds as readonly string[]).includes(name));
  if (names.length === 0 || unknown.length > 0) {
    throw new UsageError(
      `--fail-on ${value}: ${unknown.length > 0 ? `unknown gap kind ${unknown.join(', ')}` : 'no gap kind given'}`,
      `Name one or more of ${coverageGapKinds.map((kind) => kind.replace(/_/g, '-')).join(', ')}, comma-separated, or any.`,
    );
  }
  return names as CoverageGapKind[];
}
