import { useSuspenseQuery } from '@tanstack/react-query';
import { catalogueQueryOptions } from '../../api/procedures/queries.ts';
import { PopularList, popularOf } from './PopularList.tsx';

/** The popular list when the page came without it: from the catalogue, fetched after the first paint. */
const PopularServices = () => {
  const { data } = useSuspenseQuery(catalogueQueryOptions());
  return <PopularList services={popularOf(data.procedures)} />;
};

export default PopularServices;
