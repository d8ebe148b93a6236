/** GET /api/cases, keyset-paged ("加载更多" follows `nextCursor`). */
import { useMemo } from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { api } from './client';
import type { CaseList, CaseRow } from './cases';

export interface CaseListFilters {
  state?: string;
  light?: string;
  assignee?: 'me';
  q?: string;
  limit?: number;
}

export function useCaseList(filters: CaseListFilters) {
  const query = useInfiniteQuery({
    queryKey: ['cases', filters],
    initialPageParam: '' as string,
    queryFn: ({ pageParam, signal }) => api.get<CaseList>('/api/cases', { ...filters, cursor: pageParam || undefined }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
  });
  const rows = useMemo<CaseRow[]>(() => query.data?.pages.flatMap((p) => p.items) ?? [], [query.data]);
  return { ...query, rows };
}
