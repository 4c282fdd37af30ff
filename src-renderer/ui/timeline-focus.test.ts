// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { FOCUS_EVENT_KEY, jumpToTimelineEvent, takeTimelineFocus } from './timeline-focus';

describe('jumping from a postmortem to a timeline event', () => {
  beforeEach(() => sessionStorage.clear());

  it('opens the incident timeline and hands it the event once', () => {
    jumpToTimelineEvent('inc 1', 'ev-42');
    expect(window.location.hash).toBe('#/incidents/inc%201/timeline');
    // The same plain-id format the review feature writes, so the timeline reads one key.
    expect(sessionStorage.getItem(FOCUS_EVENT_KEY)).toBe('ev-42');
    expect(takeTimelineFocus()).toBe('ev-42');
    expect(takeTimelineFocus()).toBeNull();
  });
});
