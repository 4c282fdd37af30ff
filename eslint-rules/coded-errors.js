import path from 'node:path';

/**
 * One error base: every error Debrief raises on purpose extends CodedError
 * (src-renderer/core/errors/coded-error.ts), so it carries a `code` and, where known, the file,
 * line or field at fault. Only that file may extend a built-in error class.
 */
export const CODED_ERROR_BASE = 'src-renderer/core/errors/coded-error.ts';

const BUILT_IN_ERRORS = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'EvalError', 'URIError', 'ReferenceError', 'AggregateError']);

/** `Error`, or `globalThis.Error` / `window.Error`. */
function builtInName(node) {
  if (!node) return null;
  if (node.type === 'Identifier') return BUILT_IN_ERRORS.has(node.name) ? node.name : null;
  if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') {
    return BUILT_IN_ERRORS.has(node.property.name) ? node.property.name : null;
  }
  return null;
}

export const codedErrorsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Errors extend the one coded base (CodedError), never a built-in Error class directly' },
    schema: [],
    messages: {
      direct:
        "'{{name}}' extends {{base}} directly: extend CodedError from core/errors/coded-error (a `code`, and the file/line/field at fault where known).",
    },
  },
  create(context) {
    const rel = path.relative(context.cwd, context.filename).split(path.sep).join('/');
    if (rel === CODED_ERROR_BASE) return {};
    function check(node) {
      const base = builtInName(node.superClass);
      if (base) context.report({ node, messageId: 'direct', data: { name: node.id?.name ?? '(anonymous class)', base } });
    }
    return { ClassDeclaration: check, ClassExpression: check };
  },
};
