/** The console's navigation for a person: only the pages their roles open. */
import { canManagePeople, canManageQueues, canReadAudit, canReadStatistics, canViewQueue, type Actor } from '../../core/people/roles.ts';
import type { NavItem } from './console-html.ts';

export function navFor(a: Actor): NavItem[] {
  const items: NavItem[] = [];
  if (canViewQueue(a)) items.push({ href: '/console/queue', label: 'Queue' });
  if (canViewQueue(a) || canManageQueues(a)) items.push({ href: '/console/queues', label: 'Queues' });
  if (canManagePeople(a)) items.push({ href: '/console/people', label: 'People' });
  if (canReadAudit(a)) items.push({ href: '/console/audit', label: 'Audit log' });
  if (canReadStatistics(a)) items.push({ href: '/console/statistics', label: 'Statistics' });
  if (canReadStatistics(a)) items.push({ href: '/console/statistics/transparency', label: 'Transparency' });
  if (canReadStatistics(a)) items.push({ href: '/console/exchanges', label: 'Exchanges' });
  items.push({ href: '/console/settings', label: 'My settings' });
  return items;
}

/** Where /console sends a person: their first page. */
export const homeOf = (a: Actor): string => navFor(a)[0]!.href;
