/**
 * Shipped templates are bundled as text with Vite's `?raw` suffix. core/ is compiled without
 * vite/client, so the one module shape it relies on is declared here.
 */
declare module '*.md?raw' {
  const content: string;
  export default content;
}
