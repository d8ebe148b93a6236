import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { Facets } from './types';
import { ITEM_TYPES, ITEM_TYPE_LABELS } from '../../../src/catalog/types';

export function useFacets() {
  return useQuery({
    queryKey: ['facets'],
    queryFn: () => api.get<Facets>('/api/public/facets'),
    staleTime: 5 * 60_000,
  });
}

/** Department id → name, from the facets. */
export function useDepartmentNames(): Map<string, string> {
  const facets = useFacets();
  return useMemo(() => new Map((facets.data?.departments ?? []).map((d) => [d.id, d.name])), [facets.data]);
}

/** Type options: from facets when present, else the fixed list. */
export function useTypeOptions(): { value: string; label: string }[] {
  const facets = useFacets();
  return useMemo(
    () => (facets.data?.types?.length ? facets.data.types : ITEM_TYPES.map((t) => ({ value: t, label: ITEM_TYPE_LABELS[t] }))),
    [facets.data],
  );
}
