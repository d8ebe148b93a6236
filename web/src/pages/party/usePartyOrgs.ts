import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { PartyOrg } from '../../api/party';

/** The party organizations the reader may see (the page and every tab share the one query). */
export function usePartyOrgs() {
  return useQuery({ queryKey: ['party-orgs'], queryFn: ({ signal }) => api.get<{ items: PartyOrg[]; termAlertDays: number }>('/api/party/orgs', undefined, signal) });
}
