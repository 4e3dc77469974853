import type { ContainerIndex } from './container-types.js';
import { findVariableReferences } from './find-variable-references.js';
import { readParameterRows, type ParameterRow } from './read-parameter-rows.js';

/** The rows a Google tag event settings variable (`gtes`) adds to every event it is used on. */
export interface SettingsVariableRows {
  name: string;
  parameters: ParameterRow[];
  userProperties: ParameterRow[];
}

/**
 * Reads the event settings variable a tag names (`{{GA4 - Event Settings}}`). Undefined when
 * the text is not exactly one reference to a variable of type `gtes` in this container, so
 * its rows are only known at run time.
 */
export function readSettingsVariable(
  container: ContainerIndex,
  reference: string,
): SettingsVariableRows | undefined {
  const names = findVariableReferences(reference);
  const name = names[0];
  if (names.length !== 1 || name === undefined || reference.trim() !== `{{${name}}}`) return;

  const variable = container.variablesByName.get(name);
  if (variable?.type !== 'gtes') return undefined;
  return {
    name,
    parameters: readParameterRows(
      variable.parameters,
      'eventSettingsTable',
      'parameter',
      'parameterValue',
    ),
    userProperties: readParameterRows(variable.parameters, 'userProperties', 'name', 'value'),
  };
}
