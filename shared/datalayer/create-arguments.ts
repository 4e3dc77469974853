/**
 * Builds a real `Arguments` object (`[object Arguments]`) holding `values`, which is what
 * `function gtag(){dataLayer.push(arguments);}` pushes and what GTM's gtag handling expects.
 */
export function createArguments(values: readonly unknown[]): IArguments {
  return collectArguments(...values);
}

function collectArguments(..._values: unknown[]): IArguments {
  // The Arguments object itself is the point: only its type tells GTM a gtag call from an Array.
  // eslint-disable-next-line prefer-rest-params
  return arguments;
}
