import { CodedError } from '@core/errors/coded-error';

export type InsightsErrorCode = 'CATALOG_INVALID';

/** A catalog, Insights or report failure the user is told about in plain words. */
export class InsightsError extends CodedError<InsightsErrorCode> {}
