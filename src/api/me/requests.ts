import { apiBlob, apiRequest } from '../client.ts';
import { array } from 'zod/mini';
import { Correction, CorrectionReceipt, DataStoreView, type CorrectionRequest } from './schema.ts';

/** The data store as this session may read it: all of it, or (helping a resident) the consent's parts. */
export const getDataStore = (signal?: AbortSignal): Promise<DataStoreView> => apiRequest('/me', DataStoreView, { signal, auth: true });

export const requestCorrection = (body: CorrectionRequest): Promise<CorrectionReceipt> =>
  apiRequest('/me/corrections', CorrectionReceipt, { method: 'POST', body, auth: true });

/** Every correction request this citizen filed, oldest first (pending until the agency answers). */
export const getCorrections = (signal?: AbortSignal): Promise<Correction[]> => apiRequest('/me/corrections', array(Correction), { signal, auth: true });

export const getDocumentFile = (id: string, signal?: AbortSignal): Promise<Blob> => apiBlob(`/me/documents/${encodeURIComponent(id)}/file`, signal);
