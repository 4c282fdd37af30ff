import { describe, expect, it } from 'vitest';
import type { Incident } from '@core/model/incident';
import { importPlan, newItem, type WizardItem } from './wizard-item';
import type { PickedInput } from './picked-input';
import type { AnyPreview } from './worker-protocol';

const incident = { id: 'inc', timeZone: 'UTC', startedAt: null, resolvedAt: null } as unknown as Incident;
const input = (name: string) => ({ id: name, name, kind: 'file', size: 10, files: [] }) as unknown as PickedInput;
const checked = (name: string): WizardItem => ({
  ...newItem(input(name), incident),
  analysing: false,
  format: 'chat-log',
  preview: { format: 'chat-log', warnings: [] } as unknown as AnyPreview,
});

describe('importPlan', () => {
  it('waits while an included file is still being checked, so a click cannot leave it out', () => {
    const plan = importPlan([checked('chat-irc.log'), newItem(input('bridge-call.vtt'), incident)]);
    expect(plan.canImport).toBe(false);
    expect(plan.checking.map((item) => item.input.name)).toEqual(['bridge-call.vtt']);
    expect(plan.ready.map((item) => item.input.name)).toEqual(['chat-irc.log']);
  });

  it('imports every checked file once none is pending', () => {
    const plan = importPlan([checked('chat-irc.log'), checked('chat-pasted.txt')]);
    expect(plan).toMatchObject({ canImport: true, checking: [] });
    expect(plan.ready).toHaveLength(2);
  });

  it('a file left out by the user does not hold the import up, nor does one that failed its check', () => {
    const excluded = { ...newItem(input('big.zip'), incident), include: false };
    const failed = { ...checked('broken.json'), format: null, preview: null, error: { code: 'UNKNOWN_FORMAT', message: 'not recognised', location: null } } as WizardItem;
    const plan = importPlan([checked('chat-irc.log'), excluded, failed]);
    expect(plan.canImport).toBe(true);
    expect(plan.ready.map((item) => item.input.name)).toEqual(['chat-irc.log']);
  });

  it('nothing to import, nothing to do', () => {
    expect(importPlan([]).canImport).toBe(false);
  });
});
