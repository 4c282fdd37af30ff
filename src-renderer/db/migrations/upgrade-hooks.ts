/** Test seams of the numbered upgrades; the app passes none. */
export interface UpgradeHooks {
  /** v3: a smaller block so small fixtures span several blocks. */
  blockSize?: number;
  /** v5: called after each table's records were restored (a test throws here to fail half-way). */
  afterTableRestored?(table: string): void;
}
