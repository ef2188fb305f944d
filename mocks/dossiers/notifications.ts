import type { Notification } from '../../src/api/dossiers/schema.ts';
import { progress } from './lifecycle.ts';
import { state } from './state.ts';
import { progressQuestions } from '../questions/store.ts';

export const listNotifications = (citizenId: string, now = new Date()): Notification[] => {
  for (const record of state.dossiers.values()) if (record.citizenId === citizenId) progress(record, now);
  progressQuestions(now);
  return state.notifications
    .filter((n) => n.citizenId === citizenId)
    .map((n) => ({ ...n.notification }))
    .sort((a, b) => b.at.localeCompare(a.at));
};

export const markNotificationsRead = (citizenId: string): void => {
  for (const n of state.notifications) if (n.citizenId === citizenId) n.notification.read = true;
};
