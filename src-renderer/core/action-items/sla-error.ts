export type SlaErrorCode = 'BAD_POLICY' | 'BAD_TIME_ZONE' | 'BAD_DATE';

/** Thrown by the SLA engine when its input cannot produce a meaningful date. */
export class SlaError extends Error {
  constructor(
    readonly code: SlaErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SlaError';
  }
}
