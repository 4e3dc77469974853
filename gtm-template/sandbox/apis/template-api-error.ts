/**
 * GTM's own run-time refusal that does not come from a permission: the request a template
 * works on does not allow the call (claimRequest outside a client, an MP extraction from a
 * request of another format). The interpreter fails the template with its message.
 */
export class TemplateApiError extends Error {
  constructor(
    readonly api: string,
    message: string,
  ) {
    super(`${api}: ${message}`);
    this.name = 'TemplateApiError';
  }
}
