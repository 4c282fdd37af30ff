/** Key/value app settings; each feature owns its keys and validates values on read. */
export interface SettingRecord {
  key: string;
  value: unknown;
  updatedAt: number;
}
