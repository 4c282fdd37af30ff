import { describe, expect, it } from 'vitest';
import { buildAnnotation } from './annotation-writes';
import { AnnotationError } from './annotation-error';

describe('buildAnnotation', () => {
  it('indexes the event id of event annotations only', () => {
    expect(buildAnnotation({ incidentId: 'i', target: { type: 'event', eventId: 'e9' }, author: ' Tom ' }, 'a', 1)).toMatchObject({ eventId: 'e9', author: 'Tom', tags: [] });
    expect(buildAnnotation({ incidentId: 'i', target: { type: 'incident' }, author: '' }, 'a', 1).eventId).toBeNull();
  });

  it('refuses a range that ends before it starts, naming the field', () => {
    const make = () => buildAnnotation({ incidentId: 'i', target: { type: 'range', from: 10, to: 5 }, author: '' }, 'a', 1);
    expect(make).toThrow(AnnotationError);
    expect(make).toThrow(/Time range/);
    expect(() => buildAnnotation({ incidentId: 'i', target: { type: 'range', from: Number.NaN, to: 5 }, author: '' }, 'a', 1)).toThrow(AnnotationError);
  });
});
