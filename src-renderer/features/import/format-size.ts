// One home for byte sizes: core's, so import errors and the wizard say sizes the same way.
export { formatBytes } from '@core/importers/human-units';

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? one : many}`;
}
