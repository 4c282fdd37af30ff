/** The whole library to one backup file and back: the header check, export and restore. */
export { backupFileName, checkBackupFile, createBackup, restoreBackup, type BackupSummary, type BackupTable, type ProgressListener } from './backup-file';
export { BackupError, type BackupErrorCode } from './backup-error';
