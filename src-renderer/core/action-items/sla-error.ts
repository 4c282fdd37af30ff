import { CodedError } from '../errors/coded-error';

export type SlaErrorCode = 'BAD_POLICY' | 'BAD_TIME_ZONE' | 'BAD_DATE';

/** Thrown by the SLA engine when its input cannot produce a meaningful date. */
export class SlaError extends CodedError<SlaErrorCode> {
  override readonly name = 'SlaError';
}
