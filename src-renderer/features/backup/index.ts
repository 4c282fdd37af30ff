export { BackupDialog } from './BackupDialog';
