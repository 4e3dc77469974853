/** What the container snippet's script URL says: `gtm.js?id=GTM-DEMO&l=shopLayer`. */
export interface ContainerOptions {
  containerId: string;
  /** The dataLayer's name: `l`, or `dataLayer` when the URL has none (protocol notes §11.7). */
  layerName: string;
  /** Where the container was loaded from: its own scripts and the collect endpoint live there. */
  origin: string;
}

/** Reads the container's options from the `<script>` that loaded it. */
export function readContainerOptions(script: HTMLOrSVGScriptElement | null): ContainerOptions {
  const source = script instanceof HTMLScriptElement ? script.src : '';
  const url = new URL(source || '/gtm.js', location.href);
  const layerName = url.searchParams.get('l') ?? 'dataLayer';
  return {
    containerId: url.searchParams.get('id') ?? 'GTM-DEMO',
    layerName: /^[A-Za-z_$][\w$]*$/.test(layerName) ? layerName : 'dataLayer',
    origin: url.origin,
  };
}
