/** In-app notifications (docs/api.md §Notifications): the list with its unread count, read marks. */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

export interface NoticeItem {
  id: number;
  template: string;
  title: string;
  text: string;
  /** A path inside the app, e.g. /cases/:id; null when the notice is about nothing to open. */
  link: string | null;
  createdAt: string;
  read: boolean;
}

export interface NoticePage {
  items: NoticeItem[];
  unread: number;
  nextBefore: number | null;
}

/** No server push for notices: the header polls (a new assignment shows within 30 s). */
export const NOTICE_POLL_MS = 30_000;

/** The latest notices and the unread count, for the header bell. */
export function useLatestNotices(enabled: boolean) {
  return useQuery({
    queryKey: ['notifications', 'latest'],
    queryFn: () => api.get<NoticePage>('/api/notifications', { limit: 10 }),
    refetchInterval: NOTICE_POLL_MS,
    enabled,
  });
}

/** Every notice, 50 per page (keyset), for the /notifications page. */
export function useAllNotices() {
  return useInfiniteQuery({
    queryKey: ['notifications', 'all'],
    queryFn: ({ pageParam }) => api.get<NoticePage>('/api/notifications', { before: pageParam ?? undefined }),
    initialPageParam: null as number | null,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: NOTICE_POLL_MS,
  });
}

function useRefreshNotices() {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['notifications'] });
}

export function useMarkRead() {
  const refresh = useRefreshNotices();
  return useMutation({ mutationFn: (id: number) => api.post(`/api/notifications/${id}/read`), onSuccess: refresh });
}

export function useMarkAllRead() {
  const refresh = useRefreshNotices();
  return useMutation({ mutationFn: () => api.post<{ marked: number }>('/api/notifications/read-all'), onSuccess: refresh });
}
