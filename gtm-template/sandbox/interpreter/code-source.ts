/**
 * Which text a node came from, so an error can name its place: the template's code, or a test's
 * setup and scenario body run as one function.
 */
export interface CodeSource {
  /** 'template', 'test', or another label a caller chooses. */
  name: string;
  /** The full text, kept to quote expressions in messages ("data.items is not a function"). */
  text: string;
}
