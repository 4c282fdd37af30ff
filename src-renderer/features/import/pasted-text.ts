/** Characters a file name may not hold on any desktop system, and control characters. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f<>:"/\\|?*]+/g;

/**
 * Pasted text as the file an import reads: UTF-8, named `<name>.txt` (a name that is empty or
 * only unsafe characters becomes "Pasted text"), so Sources lists it like a picked file.
 */
export function pastedTextFile(text: string, name: string): File {
  const base = name.replace(UNSAFE, ' ').replace(/\s+/g, ' ').trim().replace(/\.txt$/i, '') || 'Pasted text';
  return new File([text], `${base}.txt`, { type: 'text/plain' });
}
