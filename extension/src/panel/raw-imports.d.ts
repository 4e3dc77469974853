/** Vite's `?raw` imports: the file's text, bundled into the page (the bundled plans). */
declare module '*?raw' {
  const text: string;
  export default text;
}
