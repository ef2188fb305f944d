import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { getDossier } from '../../api/dossiers/requests.ts';
import { ReceiptSlip } from '../../components/receipt/ReceiptSlip.tsx';
import { listOutbox, type OutboxItem } from '../../offline/personal-db.ts';
import { subscribeOutbox } from '../../offline/outbox.ts';

type Sent = OutboxItem & { dossierCode: string };

/** Read again for the receipt's token and date; without a connection the slip uses the code. */
const SentItem = ({ item }: { item: Sent }) => {
  const { t } = useTranslation('assisted');
  const dossier = useQuery({ queryKey: ['dossier', item.dossierCode], queryFn: ({ signal }) => getDossier(item.dossierCode, signal), retry: false });
  return (
    <li>
      <details>
        <summary>{t('sent.show', { procedure: item.procedureName, code: item.dossierCode })}</summary>
        <ReceiptSlip dossier={dossier.data ?? { code: item.dossierCode, procedureName: item.procedureName }} volunteer={dossier.data?.assistedBy?.volunteer.name} />
      </details>
    </li>
  );
};

/**
 * The dossiers of the resident being helped that the outbox sent (at once, or later when the
 * signal came back): while the help session is open, the volunteer shows or prints each one's
 * slip for them (docs/domain/assisted.md). Ending the help wipes these records.
 */
export const SentForResident = ({ owner, name }: { owner: string; name: string }) => {
  const { t } = useTranslation('assisted');
  const queryClient = useQueryClient();
  const sent = useQuery({
    queryKey: ['assisted-sent', owner],
    queryFn: async () => (await listOutbox(owner)).filter((i): i is Sent => i.type === 'dossier' && i.state === 'sent' && typeof i.dossierCode === 'string'),
    networkMode: 'always',
    gcTime: 0,
  });
  useEffect(() => subscribeOutbox(() => void queryClient.invalidateQueries({ queryKey: ['assisted-sent', owner] })), [queryClient, owner]);
  const items = sent.data ?? [];
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby="assisted-sent-title">
      <h2 id="assisted-sent-title">{t('sent.title', { name, count: items.length })}</h2>
      <p className="hint">{t('sent.hint', { name })}</p>
      <ul className="assisted-sent">
        {items.map((item) => (
          <SentItem key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
};
