import type { PlanError, PlanWarning } from './plan-types.js';
import { positionOf, type PlanPositions } from './plan-positions.js';

/**
 * Collects the errors and warnings of one plan file, each placed at its line and column. A plan
 * imported from several files passes `fileOf`, which names the file a pointer came from.
 */
export class PlanIssues {
  readonly errors: PlanError[] = [];
  readonly warnings: PlanWarning[] = [];

  constructor(
    readonly fileName: string,
    readonly positions: PlanPositions,
    readonly fileOf?: (pointer: string) => string | undefined,
  ) {}

  error(pointer: string, message: string, hint: string, place: 'key' | 'value' = 'value'): void {
    this.errors.push(this.issue(pointer, message, hint, place));
  }

  warning(pointer: string, message: string, hint: string, place: 'key' | 'value' = 'value'): void {
    this.warnings.push(this.issue(pointer, message, hint, place));
  }

  private issue(pointer: string, message: string, hint: string, place: 'key' | 'value'): PlanError {
    const { line, column } = positionOf(this.positions, pointer, place);
    const file = this.fileOf?.(pointer) ?? this.fileName;
    return { file, line, column, message, hint };
  }
}
