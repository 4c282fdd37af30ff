export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const ACTION_STATUSES = ['open', 'in-progress', 'blocked', 'done', 'wont-do'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

export const ACTION_KINDS = ['mitigate', 'prevent', 'detect', 'process'] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface ActionItem {
  id: string;
  incidentId: string;
  title: string;
  description: string;
  ownerId: string | null;
  ownerName: string;
  priority: Priority;
  status: ActionStatus;
  /** Required when status is 'wont-do'. */
  wontDoReason: string;
  kind: ActionKind;
  createdAt: number;
  /** UTC ms; follows the SLA policy unless dueSetByHand. */
  dueAt: number | null;
  dueSetByHand: boolean;
  /**
   * The instant the SLA counted from when the policy last set `dueAt` (the incident's review or
   * resolution, else the item's creation), kept with the date it gave. Null or absent when the
   * date was set by hand or before this was kept: then the incident's current dates are used.
   */
  slaStartAt?: number | null;
  completedAt: number | null;
  trackerUrl: string;
  eventIds: string[];
  annotationIds: string[];
  updatedAt: number;
}
