import { queryOptions } from '@tanstack/react-query';
import { getDossier, getPayment, listDossiers, listNotifications, trackDossier } from './requests.ts';

/**
 * Personal keys carry the citizen's `sub`: one person's dossiers can never answer for another's.
 * Invalidate `dossierKeys.all` after a submission, withdrawal, supplement or payment.
 */
export const dossierKeys = {
  all: ['dossiers'] as const,
  list: (sub: string) => [...dossierKeys.all, 'list', sub] as const,
  detail: (sub: string, code: string) => [...dossierKeys.all, 'detail', sub, code] as const,
  payment: (sub: string, id: string) => [...dossierKeys.all, 'payment', sub, id] as const,
  notifications: (sub: string) => [...dossierKeys.all, 'notifications', sub] as const,
  /** Public look-up: no citizen, keyed by what was typed. */
  track: (code: string, phoneDigits: string) => ['track', code, phoneDigits] as const,
};

/** Statuses change while the citizen looks: personal data is kept briefly, in memory only. */
const PERSONAL_STALE_MS = 15_000;

export const dossierListQueryOptions = (sub: string) =>
  queryOptions({
    queryKey: dossierKeys.list(sub),
    queryFn: ({ signal }) => listDossiers(signal),
    staleTime: PERSONAL_STALE_MS,
  });

export const dossierQueryOptions = (sub: string, code: string) =>
  queryOptions({
    queryKey: dossierKeys.detail(sub, code),
    queryFn: ({ signal }) => getDossier(code, signal),
    staleTime: PERSONAL_STALE_MS,
  });

export const paymentQueryOptions = (sub: string, id: string) =>
  queryOptions({
    queryKey: dossierKeys.payment(sub, id),
    queryFn: ({ signal }) => getPayment(id, signal),
    staleTime: 5_000,
  });

export const notificationsQueryOptions = (sub: string) =>
  queryOptions({
    queryKey: dossierKeys.notifications(sub),
    queryFn: ({ signal }) => listNotifications(signal),
    staleTime: PERSONAL_STALE_MS,
  });

export const trackQueryOptions = (code: string, phoneDigits: string) =>
  queryOptions({
    queryKey: dossierKeys.track(code, phoneDigits),
    queryFn: ({ signal }) => trackDossier(code, phoneDigits, signal),
    staleTime: 30_000,
  });
