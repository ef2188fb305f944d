import { safeParse } from 'zod/mini';
import { apiRequest } from '../client.ts';
import { readKioskConfigRaw } from '../../auth/kiosk-store.ts';
import { Enrolment, HandoffContent, HandoffSlot, HandoffStatus, NowServing, Ticket, UnlockResult } from './schema.ts';

/** This device's enrolment, if it is a kiosk and the stored value is one we understand. */
export const readEnrolment = (): Enrolment | null => {
  const parsed = safeParse(Enrolment, readKioskConfigRaw());
  return parsed.success ? parsed.data : null;
};

/** The kiosk endpoints take the device's token, never a person's. */
const asKiosk = (): Record<string, string> => {
  const enrolment = readEnrolment();
  return enrolment ? { Authorization: `Bearer ${enrolment.kioskToken}` } : {};
};

export const enrolKiosk = (code: string): Promise<Enrolment> => apiRequest('/kiosk/enrolments', Enrolment, { method: 'POST', body: { code } });

export const unlockKiosk = (pin: string): Promise<UnlockResult> => apiRequest('/kiosk/unlock', UnlockResult, { method: 'POST', body: { pin }, headers: asKiosk() });

export const takeTicket = (fieldId: string): Promise<Ticket> => apiRequest('/kiosk/tickets', Ticket, { method: 'POST', body: { fieldId }, headers: asKiosk() });

export const getNowServing = (signal?: AbortSignal): Promise<NowServing> => apiRequest('/kiosk/now-serving', NowServing, { signal, headers: asKiosk() });

/** A hand-off slot for the person signed in (their token, not the kiosk's). */
export const reserveHandoff = (): Promise<HandoffSlot> => apiRequest('/handoffs', HandoffSlot, { method: 'POST', auth: true });

export const getHandoffStatus = (id: string, signal?: AbortSignal): Promise<HandoffStatus> => apiRequest(`/handoffs/${encodeURIComponent(id)}`, HandoffStatus, { signal, auth: true });

/** On the person's own phone: the work the QR code carried, once, for them only. */
export const redeemHandoff = (id: string, payload: string): Promise<HandoffContent> =>
  apiRequest(`/handoffs/${encodeURIComponent(id)}/redeem`, HandoffContent, { method: 'POST', body: { payload }, auth: true });
