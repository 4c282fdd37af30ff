import { CodedError } from '@core/errors/coded-error';

export type SyncErrorCode =
  | 'INVALID_ADDRESS'
  | 'INSECURE_ADDRESS'
  | 'INVALID_TEAM'
  | 'INVALID_TOKEN'
  | 'NOT_CONFIGURED'
  | 'INVALID_INVITE'
  | 'OTHER_SERVER'
  | 'NO_INCIDENT'
  | 'ALREADY_SHARED'
  | 'JOIN_TIMEOUT'
  | 'REFUSED';

/**
 * Why a team-sync action could not be done; `code` says why, the message what to do, `field` (also
 * `location.field`) the settings field at fault so the dialog can mark it.
 */
export class SyncError extends CodedError<SyncErrorCode> {
  override readonly name = 'SyncError';

  constructor(
    code: SyncErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(code, message, field === undefined ? {} : { location: { field } });
  }
}
