import { h, render, type ComponentType } from 'preact';
import { installStyles } from './styles.js';

/** Styles the page and renders a component into its `#app` element. */
export function mountPage<Props extends object>(
  component: ComponentType<Props>,
  props: Props,
): void {
  installStyles(document);
  const root = document.getElementById('app') ?? document.body;
  render(h(component, props), root);
}
