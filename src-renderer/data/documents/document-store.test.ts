import { describe, expect, it } from 'vitest';
import { createTestDatabases } from '@data/test-database';
import { listVersions, loadCurrentDocument, restoreVersion, saveBody, saveVersion, writeCurrentDocument } from './document-store';
import { DocumentError } from './document-error';

const freshDb = createTestDatabases('postmortem-store');

const sections = [{ kind: 'generated' as const, key: 'roles', markdown: '- a' }];

describe('postmortem document store', () => {
  it('keeps one working document with its sections, and autosaves only the body', async () => {
    const database = await freshDb();
    const first = await writeCurrentDocument('inc-1', { templateId: 'incident-review', body: 'b1', sections }, 10, database);
    await saveBody(first.id, 'b2', 20, database);
    const again = await writeCurrentDocument('inc-1', { templateId: 'google-sre', body: 'b3', sections: [] }, 30, database);
    expect(again.id).toBe(first.id);
    const current = await loadCurrentDocument('inc-1', database);
    expect(current).toMatchObject({ body: 'b3', templateId: 'google-sre', createdAt: 10, updatedAt: 30, sections: [] });
    await expect(saveBody('gone', 'x', 40, database)).rejects.toBeInstanceOf(DocumentError);
  });

  it('restoring a version first saves what was there, so nothing is lost', async () => {
    const database = await freshDb();
    const current = await writeCurrentDocument('inc-1', { templateId: 'incident-review', body: 'draft one', sections }, 10, database);
    const v1 = await saveVersion(current, 'Before review', 20, database);
    await saveBody(current.id, 'draft two', 30, database);

    const { restored, backup } = await restoreVersion('inc-1', v1.id, 40, database);
    expect(restored.body).toBe('draft one');
    expect(restored.sections).toEqual(sections);
    expect(backup?.body).toBe('draft two');
    const versions = await listVersions('inc-1', database);
    expect(versions.map((v) => v.name)).toEqual(['Before restoring “Before review”', 'Before review']);
    expect((await loadCurrentDocument('inc-1', database))?.body).toBe('draft one');
    await expect(restoreVersion('inc-2', v1.id, 50, database)).rejects.toMatchObject({ code: 'VERSION_NOT_FOUND' });
  });
});
