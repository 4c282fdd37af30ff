// @vitest-environment happy-dom
import { act } from 'react';
import { describe, expect, it } from 'vitest';
import { ExternalLink } from './ExternalLink';
import { OpenExternalContext } from './external-link-context';
import { createTestRoot } from './test-root';

const root = createTestRoot();

function renderLink(url: string, label: string, opened: string[] = []) {
  act(() =>
    root.render(
      <OpenExternalContext value={(href) => void opened.push(href)}>
        <ExternalLink url={url} label={label} />
      </OpenExternalContext>,
    ),
  );
  return opened;
}

describe('ExternalLink', () => {
  it('shows the real host after a label that reads as another address, and opens the real target', () => {
    const opened = renderLink('https://evil.example/login', 'https://status.acme.com');
    expect(root.container.textContent).toBe('https://status.acme.com opens (evil.example)');
    const anchor = root.container.querySelector('a');
    expect(anchor?.getAttribute('href')).toBe('https://evil.example/login');
    act(() => anchor?.click());
    expect(opened).toEqual(['https://evil.example/login']);
  });

  it('a plain label gets no host note', () => {
    renderLink('https://status.acme.com/incidents/1', 'status page');
    expect(root.container.textContent).toBe('status page');
    expect(root.container.querySelector('.link-real-target')).toBeNull();
  });

  it('opens a mailto rebuilt from its address and subject only', () => {
    const opened = renderLink('mailto:ops@acme.com?subject=Review&attach=%2Fhome%2Fme%2F.ssh%2Fid_rsa', 'ops@acme.com');
    act(() => root.container.querySelector('a')?.click());
    expect(opened).toEqual(['mailto:ops@acme.com?subject=Review']);
  });

  it('renders an unsafe URL as plain text, never as a link', () => {
    renderLink('javascript:alert(1)', 'click me');
    expect(root.container.querySelector('a')).toBeNull();
    expect(root.container.textContent).toBe('click me');
  });
});
