import { safeParse, type core, type z } from 'zod/mini';
import { apiRequest } from '../client.ts';
import { env } from '../../config/env.ts';
import { ApiError, kindForStatus, retryAtFrom } from '../errors.ts';
import { isExpired, readSession } from '../../auth/session.ts';
import {
  Dossier,
  DossierList,
  NotificationList,
  Payment,
  ReceiptToken,
  TrackResult,
  Upload,
  type SubmitDossier,
  type SubmitSupplement,
} from './schema.ts';

type NotificationList = z.infer<typeof NotificationList>;

const idempotent = (key: string) => ({ 'Idempotency-Key': key });
const byCode = (code: string) => `/dossiers/${encodeURIComponent(code)}`;

// ---------------------------------------------------------------------------------------------
// Uploads: raw bytes through XMLHttpRequest, the only browser API that reports upload progress.
// ---------------------------------------------------------------------------------------------

/** A file that stops moving for this long is given up on (a slow link still moves). */
const UPLOAD_STALL_MS = 30_000;

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const parsed = <T,>(schema: core.$ZodType<T>, body: unknown, status: number, path: string): T => {
  const result = safeParse(schema, body);
  if (!result.success) throw new ApiError('invalid-response', `Unexpected response shape: ${path}`, { status, cause: result.error });
  return result.data;
};

/**
 * Sends one file as raw bytes (POST /uploads). The same `idempotencyKey` for the same file on
 * every retry: the backend then stores it once. `onProgress` gets the fraction sent, 0 to 1.
 * Errors are ApiErrors like apiRequest's, with the backend's `code` ('unsupported-file',
 * 'file-too-large', 'empty-file', …).
 */
export const uploadFile = (file: Blob, name: string, idempotencyKey: string, onProgress?: (fraction: number) => void, signal?: AbortSignal, token?: string): Promise<Upload> =>
  new Promise<Upload>((resolve, reject) => {
    const path = '/uploads';
    const own = readSession();
    const session = token ? { accessToken: token, expiresAt: Number.MAX_SAFE_INTEGER } : own;
    if (!session || isExpired(session as NonNullable<typeof own>)) {
      reject(new ApiError('unauthorized', `No live session: ${path}`, { code: 'session-expired' }));
      return;
    }
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const xhr = new XMLHttpRequest();
    let stalled = false;
    let watchdog: ReturnType<typeof setTimeout> | undefined;
    const rearm = () => {
      clearTimeout(watchdog);
      watchdog = setTimeout(() => {
        stalled = true;
        xhr.abort();
      }, UPLOAD_STALL_MS);
    };
    const onAbortSignal = () => xhr.abort();
    const finish = () => {
      clearTimeout(watchdog);
      signal?.removeEventListener('abort', onAbortSignal);
    };

    xhr.open('POST', `${env.apiBaseUrl}${path}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Authorization', `Bearer ${session.accessToken}`);
    xhr.setRequestHeader('Content-Type', file.type || 'application/octet-stream');
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(name));
    xhr.setRequestHeader('Idempotency-Key', idempotencyKey);
    xhr.upload.onprogress = (event) => {
      rearm();
      const total = event.lengthComputable && event.total > 0 ? event.total : file.size;
      if (total > 0) onProgress?.(Math.min(1, event.loaded / total));
    };
    xhr.onload = () => {
      finish();
      const body = parseJson(xhr.responseText);
      if (xhr.status < 200 || xhr.status >= 300) {
        const problem = body && typeof body === 'object' ? (body as Record<string, unknown>) : undefined;
        const code = typeof problem?.code === 'string' ? problem.code : undefined;
        const retryAt = retryAtFrom(xhr.getResponseHeader('Retry-After'), problem);
        reject(new ApiError(kindForStatus(xhr.status), `HTTP ${xhr.status}: ${path}`, { status: xhr.status, code, details: problem, retryAt }));
        return;
      }
      if (body === undefined) {
        reject(new ApiError('invalid-response', `Not JSON: ${path}`, { status: xhr.status }));
        return;
      }
      try {
        const upload = parsed(Upload, body, xhr.status, path);
        onProgress?.(1);
        resolve(upload);
      } catch (error) {
        reject(error);
      }
    };
    xhr.onerror = () => {
      finish();
      const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
      reject(new ApiError(offline ? 'offline' : 'network', `Network error: ${path}`));
    };
    xhr.onabort = () => {
      finish();
      // The caller's own abort is not an error to show: reject with its reason untouched.
      if (signal?.aborted) reject(signal.reason);
      else reject(new ApiError(stalled ? 'timeout' : 'network', `${stalled ? 'Stalled' : 'Aborted'}: ${path}`));
    };
    signal?.addEventListener('abort', onAbortSignal, { once: true });
    rearm();
    xhr.send(file);
  });

// ---------------------------------------------------------------------------------------------
// Dossiers
// ---------------------------------------------------------------------------------------------

/** Exactly once: retry with the same key and the backend returns the dossier it already made. */
export const submitDossier = (body: SubmitDossier, idempotencyKey: string, token?: string): Promise<Dossier> =>
  apiRequest('/dossiers', Dossier, { method: 'POST', body, headers: idempotent(idempotencyKey), auth: true, token });

export const listDossiers = (signal?: AbortSignal): Promise<DossierList> => apiRequest('/dossiers', DossierList, { signal, auth: true });

export const getDossier = (code: string, signal?: AbortSignal): Promise<Dossier> => apiRequest(byCode(code), Dossier, { signal, auth: true });

export const withdrawDossier = (code: string): Promise<Dossier> => apiRequest(`${byCode(code)}/withdraw`, Dossier, { method: 'POST', auth: true });

export const submitSupplement = (code: string, body: SubmitSupplement, idempotencyKey: string): Promise<Dossier> =>
  apiRequest(`${byCode(code)}/supplement`, Dossier, { method: 'POST', body, headers: idempotent(idempotencyKey), auth: true });

/** Public: anyone with the code and the last 4 digits of the applicant's phone. */
export const trackDossier = (code: string, phoneDigits: string, signal?: AbortSignal): Promise<TrackResult> =>
  apiRequest(`/track?${new URLSearchParams({ code, phone: phoneDigits }).toString()}`, TrackResult, { signal });

/** Public: whoever holds the receipt (its QR code's token). POST keeps the token out of addresses. */
export const trackByReceipt = (token: string, signal?: AbortSignal): Promise<TrackResult> =>
  apiRequest('/track/receipt', TrackResult, { method: 'POST', body: { token }, signal });

/** The owner replaces the receipt's QR code: the old one stops working at once. */
export const renewReceiptToken = (code: string): Promise<ReceiptToken> => apiRequest(`${byCode(code)}/receipt-token`, ReceiptToken, { method: 'POST', auth: true });

// ---------------------------------------------------------------------------------------------
// Payments and notifications
// ---------------------------------------------------------------------------------------------

/** Returns the open payment when there is one; never a second charge ('already-paid' conflict). */
export const startPayment = (code: string, idempotencyKey: string): Promise<Payment> =>
  apiRequest(`${byCode(code)}/payment`, Payment, { method: 'POST', headers: idempotent(idempotencyKey), auth: true });

export const getPayment = (id: string, signal?: AbortSignal): Promise<Payment> => apiRequest(`/payments/${encodeURIComponent(id)}`, Payment, { signal, auth: true });

export const listNotifications = (signal?: AbortSignal): Promise<NotificationList> => apiRequest('/notifications', NotificationList, { signal, auth: true });

/** Marks every notification read; answers with the list as it now stands. */
export const markNotificationsRead = (): Promise<NotificationList> => apiRequest('/notifications/read', NotificationList, { method: 'POST', auth: true });
