import { UPLOAD_LIMITS } from '../../api/dossiers/schema.ts';
import type { FormDefinition } from '../../api/forms/schema.ts';
import type { Procedure } from '../../api/procedures/schema.ts';
import type { StoredDocument } from '../../api/me/schema.ts';
import type { Attachment } from '../../offline/personal-db.ts';
import { prepareFile as prepare } from '../../lib/files/prepare.ts';

export type FileAttachment = Extract<Attachment, { kind: 'file' }>;

/** Why a picked file was not attached; each has a translated message (documents:errors.*). */
export type PickError = 'empty' | 'too-large' | 'unsupported' | 'not-a-pdf' | 'too-many-pixels' | 'heic' | 'unreadable' | 'dossier-too-large' | 'too-many-pages';

export type PickResult = { ok: true; attachment: FileAttachment } | { ok: false; error: PickError; name: string };

/**
 * A file the citizen picked or photographed → an attachment kept on the device: the type is
 * read from its bytes (never its name), photos are compressed off the main thread, and the
 * size limits are checked after compression (a 40 MB photo is shrunk, not refused).
 */
export const prepareFile = async (file: File, requirement: string | null, alreadyAttachedBytes: number): Promise<PickResult> => {
  const name = file.name || 'tep';
  const prepared = await prepare(file, { maxFileBytes: UPLOAD_LIMITS.maxFileBytes });
  if (!prepared.ok) return { ok: false, error: prepared.error, name };
  if (alreadyAttachedBytes + prepared.blob.size > UPLOAD_LIMITS.maxDossierBytes) return { ok: false, error: 'dossier-too-large', name };
  const extension = prepared.mime === 'application/pdf' ? 'pdf' : prepared.mime === 'image/png' ? 'png' : 'jpg';
  return {
    ok: true,
    attachment: {
      kind: 'file',
      requirement,
      key: crypto.randomUUID(),
      name: `${name.replace(/\.[^.]*$/, '')}.${extension}`,
      mime: prepared.mime,
      data: await prepared.blob.arrayBuffer(),
      size: prepared.blob.size,
    },
  };
};

/**
 * Several photos of one paper become one PDF (a page per photo) just before sending; the PDF
 * writer is loaded only here.
 */
export const combinePhotos = async (attachments: Attachment[]): Promise<Attachment[]> => {
  const byRequirement = new Map<string | null, FileAttachment[]>();
  for (const a of attachments) {
    if (a.kind === 'file' && a.mime === 'image/jpeg' && a.requirement !== null) byRequirement.set(a.requirement, [...(byRequirement.get(a.requirement) ?? []), a]);
  }
  const groups = [...byRequirement.values()].filter((photos) => photos.length > 1);
  if (groups.length === 0) return attachments;
  const { imagesToPdf } = await import('../../lib/files/images-to-pdf.ts');
  let result = attachments;
  for (const photos of groups) {
    const pages = photos.map((p) => ({ jpeg: new Blob([p.data], { type: 'image/jpeg' }) }));
    const pdf = await imagesToPdf(pages);
    const first = photos[0] as FileAttachment;
    const merged: FileAttachment = {
      kind: 'file',
      requirement: first.requirement,
      key: first.key,
      name: `${first.name.replace(/\.[^.]*$/, '')}-${photos.length}-trang.pdf`,
      mime: 'application/pdf',
      data: await pdf.arrayBuffer(),
      size: pdf.size,
    };
    result = [...result.filter((a) => !photos.includes(a as FileAttachment)), merged];
  }
  return result;
};

/**
 * Several photos of one paper are sent as one PDF, which is one file: together (with the PDF's
 * own few bytes per page) they must fit the per-file limit, or the office would refuse the file.
 */
export const photosFitOnePdf = (photoBytes: readonly number[]): boolean =>
  photoBytes.reduce((total, bytes) => total + bytes + 512, 1024) <= UPLOAD_LIMITS.maxFileBytes;

export const attachedBytes = (attachments: readonly Attachment[]): number => attachments.reduce((n, a) => n + (a.kind === 'file' ? a.size : 0), 0);

/**
 * Papers already chosen from the data store on the e-form (a document field tied to one of the
 * procedure's requirements): the documents step starts with them attached, so nobody picks the
 * same paper twice. `submitted` is the form as it will be sent (visible fields only).
 */
export const attachmentsFromForm = (
  definition: FormDefinition,
  submitted: Record<string, unknown>,
  procedure: Pick<Procedure, 'documents'>,
  stored: readonly StoredDocument[] | undefined,
): Attachment[] => {
  const out: Attachment[] = [];
  for (const field of definition.sections.flatMap((section) => section.fields)) {
    if (field.type !== 'document' || !field.requirement) continue;
    const documentId = submitted[field.id];
    const requirement = procedure.documents.find((d) => d.id === field.requirement)?.id;
    if (typeof documentId !== 'string' || documentId === '' || !requirement || out.some((a) => a.requirement === requirement)) continue;
    const title = stored?.find((d) => d.id === documentId)?.title ?? field.label.vi;
    out.push({ kind: 'data-store', requirement, documentId, title });
  }
  return out;
};
