export type InsightsErrorCode = 'catalog-invalid' | 'incident-missing';

/** A catalog, Insights or report failure the user is told about in plain words. */
export class InsightsError extends Error {
  constructor(
    readonly code: InsightsErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'InsightsError';
  }
}
