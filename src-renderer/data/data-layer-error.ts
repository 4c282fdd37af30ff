import { CodedError } from '@core/errors/coded-error';

export type DataLayerErrorCode = 'NO_TRANSACTION' | 'BAD_KEY';

/**
 * A write the data layer refused. (Not named "DataError": Dexie rewraps errors by the names of
 * IndexedDB's DOMExceptions, and DataError is one of them.)
 */
export class DataLayerError extends CodedError<DataLayerErrorCode> {}
