import { describe, expect, it } from 'vitest';
import { allowedHtml, allowedScriptUrl, installTrustedTypesPolicy } from './trusted-types';

const page = 'app://debrief/index.html';

describe('the Trusted Types default policy', () => {
  it('lets HTML through only into DOMParser, where nothing runs', () => {
    expect(allowedHtml('<b>pasted</b>', 'DOMParser parseFromString')).toBe('<b>pasted</b>');
    for (const sink of ['Element innerHTML', 'Element outerHTML', 'Element insertAdjacentHTML', 'Document write', 'HTMLIFrameElement srcdoc', 'Range createContextualFragment']) {
      expect(allowedHtml('<img src=x onerror=alert(1)>', sink)).toBeNull();
    }
  });

  it('lets through only worker scripts of the page origin', () => {
    expect(allowedScriptUrl('app://debrief/assets/import.worker-abc.js', 'Worker constructor', page)).toBe('app://debrief/assets/import.worker-abc.js');
    expect(allowedScriptUrl('./assets/w.js', 'Worker constructor', 'http://127.0.0.1:4178/')).toBe('./assets/w.js');
    expect(allowedScriptUrl('https://evil.example/w.js', 'Worker constructor', page)).toBeNull();
    expect(allowedScriptUrl('blob:app://debrief/123', 'Worker constructor', page)).toBeNull();
    expect(allowedScriptUrl('data:text/javascript,1', 'Worker constructor', page)).toBeNull();
    expect(allowedScriptUrl('app://debrief/assets/x.js', 'HTMLScriptElement src', page)).toBeNull();
  });

  it('installs one policy named default whose script sink refuses everything', () => {
    const created: { name: string; options: Record<string, (input: string, type: string, sink: string) => string | null> }[] = [];
    const installed = installTrustedTypesPolicy({
      trustedTypes: { createPolicy: (name, options) => created.push({ name, options: options as (typeof created)[number]['options'] }) },
      location: { href: page },
    });
    expect(installed).toBe(true);
    expect(created.map((p) => p.name)).toEqual(['default']);
    expect(created[0]?.options['createScript']?.('alert(1)', 'TrustedScript', 'eval')).toBeNull();
    expect(created[0]?.options['createHTML']?.('<b>x</b>', 'TrustedHTML', 'Element innerHTML')).toBeNull();
    expect(installTrustedTypesPolicy({ location: { href: page } })).toBe(false);
  });
});
