/** Why a team-sync action could not be done; `code` says why, the message what to do. */
export class SyncError extends Error {
  constructor(
    readonly code:
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
      | 'REFUSED',
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}
