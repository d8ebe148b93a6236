import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';
import type { Facets } from './types';
import { ITEM_TYPES } from '../../../src/catalog/types';
import { ITEM_TYPE_LABELS } from '../lib/labels';
import { useLang } from '../lib/i18n';

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
  const { lang } = useLang();
  // The label of a type code is ours (labels.ts), in the chosen language.
  return useMemo(
    () => (facets.data?.types?.length ? facets.data.types.map((t) => t.value) : [...ITEM_TYPES]).map((v) => ({ value: v, label: ITEM_TYPE_LABELS[v as (typeof ITEM_TYPES)[number]] ?? v })),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [facets.data, lang],
  );
}
