import { useEffect, useState } from 'react';
import { droppedCount, listOutbox, type OutboxItem } from './personal-db.ts';
import { subscribeOutbox } from './outbox.ts';

/**
 * What of `owner`'s outbox has not reached the agency yet, re-read whenever the outbox changes
 * (progress, sent, failed); `dropped`: submissions an older version saved that this one could
 * not read (and removed). One reader for every page that shows the outbox or counts it.
 */
export const useOutbox = (owner: string | undefined): { items: OutboxItem[]; dropped: number } => {
  const [items, setItems] = useState<OutboxItem[]>([]);
  const [dropped, setDropped] = useState(0);
  useEffect(() => {
    if (!owner) return undefined;
    let live = true;
    let pending = false;
    const load = () => {
      // Progress fires often while uploading: one read at a time is enough.
      if (pending) return;
      pending = true;
      void listOutbox(owner)
        .then((all) => {
          if (!live) return;
          setItems(all.filter((i) => i.state !== 'sent'));
          setDropped(droppedCount('outbox'));
        })
        .catch(() => undefined)
        .finally(() => {
          pending = false;
        });
    };
    load();
    const unsubscribe = subscribeOutbox(load);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [owner]);
  return owner ? { items, dropped } : { items: [], dropped: 0 };
};
