import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, it } from 'vitest';
import { codedErrorsRule } from './coded-errors.js';

RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;

const root = path.resolve(import.meta.dirname, '..');
const file = (p) => path.join(root, p);
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' } });

tester.run('debrief/coded-errors', codedErrorsRule, {
  valid: [
    { code: "class ThingError extends CodedError<'GONE'> {}", filename: file('src-renderer/data/things/thing-error.ts') },
    { code: 'class BundleError extends CodedError {}', filename: file('src-renderer/core/bundles/bundle-error.ts') },
    { code: 'class Widget extends Base {}', filename: file('src-renderer/ui/widget.ts') },
    // The base itself is the one class that extends Error.
    { code: 'export class CodedError extends Error {}', filename: file('src-renderer/core/errors/coded-error.ts') },
  ],
  invalid: [
    { code: 'export class ThingError extends Error {}', filename: file('src-renderer/data/things/thing-error.ts'), errors: [{ messageId: 'direct' }] },
    { code: 'class X extends TypeError {}', filename: file('src-renderer/core/a.ts'), errors: [{ messageId: 'direct' }] },
    { code: 'const X = class extends Error {};', filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'direct' }] },
    { code: 'class X extends globalThis.Error {}', filename: file('src-renderer/features/library/a.ts'), errors: [{ messageId: 'direct' }] },
    { code: 'export class DesktopError extends Error {}', filename: file('src-main/ipc-errors.ts'), errors: [{ messageId: 'direct' }] },
    { code: 'export class SyncServerError extends Error {}', filename: file('server/errors.ts'), errors: [{ messageId: 'direct' }] },
  ],
});
