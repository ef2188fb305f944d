import { apiBlob, apiRequest } from '../client.ts';
import { array } from 'zod/mini';
import { Correction, CorrectionReceipt, DataStore, type CorrectionRequest } from './schema.ts';

export const getDataStore = (signal?: AbortSignal): Promise<DataStore> => apiRequest('/me', DataStore, { signal, auth: true });

export const requestCorrection = (body: CorrectionRequest): Promise<CorrectionReceipt> =>
  apiRequest('/me/corrections', CorrectionReceipt, { method: 'POST', body, auth: true });

/** Every correction request this citizen filed, oldest first (pending until the agency answers). */
export const getCorrections = (signal?: AbortSignal): Promise<Correction[]> => apiRequest('/me/corrections', array(Correction), { signal, auth: true });

export const getDocumentFile = (id: string, signal?: AbortSignal): Promise<Blob> => apiBlob(`/me/documents/${encodeURIComponent(id)}/file`, signal);
