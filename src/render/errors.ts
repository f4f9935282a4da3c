/**
 * The core's own errors: what a caller asked for that the renderers cannot give. The core knows
 * nothing of HTTP; the edges map these — src/http/problem.ts to problem+json (404 / 400), the CLI
 * to a usage error — so the Chinese `detail` reaches the user unchanged.
 */

export interface ErrorPath {
  path: string;
  message: string;
}

export type RenderErrorKind =
  /** No such table, figure or output for this report. */
  | 'not-found'
  /** A render parameter (query string / CLI option) is out of range or does not apply. */
  | 'invalid-parameter'
  /** The output would cost more than the limits allow (an image of too many rows): refused before the work. */
  | 'too-large';

export class RenderError extends Error {
  constructor(
    readonly kind: RenderErrorKind,
    /** For the person who asked, in Chinese. */
    readonly detail: string,
    /** The failing parameters, when there are any. */
    readonly errors: ErrorPath[] = [],
  ) {
    super(detail);
    this.name = 'RenderError';
  }
}

export const notFound = (detail: string) => new RenderError('not-found', detail);
export const invalidParameter = (detail: string, errors: ErrorPath[] = []) => new RenderError('invalid-parameter', detail, errors);
export const tooLarge = (detail: string, errors: ErrorPath[] = []) => new RenderError('too-large', detail, errors);
