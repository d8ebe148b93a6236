/** Response shapes of docs/api.md. */
import type { CaseKind, GuideData, ItemStatus, ItemType, Limit, ServedParty } from '../../../src/catalog/types';
import type { Role } from '../../../src/core/auth/roles';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  roleLabel: string;
  centerId: string | null;
  centerName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  windowId: string | null;
  applicantKind: 'person' | 'organization' | null;
  /** An admin-created or reset account: every page but the forced 修改密码 is closed until it is changed. */
  mustChangePassword: boolean;
}

export interface SessionResponse {
  user: Me;
  csrfToken: string;
}

export interface DemoAccountsResponse {
  password?: string;
  accounts: DemoAccount[];
}

export interface DemoAccount {
  username: string;
  role: Role;
  roleLabel: string;
  displayName: string;
  note?: string;
}

export interface NamedRef {
  id: string;
  name: string;
}

export interface Facets {
  departments: NamedRef[];
  themes: string[];
  types: { value: ItemType; label: string }[];
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface ItemSummary {
  code: string;
  name: string;
  type: ItemType;
  caseKind: CaseKind;
  theme: string;
  servedParty: ServedParty;
  department: NamedRef;
  promisedLimit: Limit;
  statutoryLimit: Limit;
  maxVisits: number;
  onlineDepth: number;
  /** 别名/俗称 of the item. */
  aliases?: string[];
  /** How a search query matched (present only with a query). */
  match?: 'name' | 'code' | 'alias' | 'nameContains' | 'aliasContains' | 'pinyin' | 'description';
}

/** The public guide list: a page plus "did you mean" names when a query found nothing. */
export interface GuidePage extends Page<ItemSummary> {
  suggestions?: string[];
}

export interface PublicGuide extends Omit<GuideData, 'jointParticipants'> {
  jointParticipants: (GuideData['jointParticipants'][number] & { departmentName?: string })[];
  code: string;
  version: number;
  department: NamedRef & { phone?: string };
  center?: { id: string; name: string; address?: string; hours?: string; phone?: string; complaintPhone?: string };
}

export interface CatalogListRow {
  id: string;
  code: string;
  name: string;
  status: ItemStatus;
  latestVersion: number;
  publishedVersion: number | null;
  department: NamedRef;
  updatedAt: string;
}

export interface Version {
  version: number;
  status: ItemStatus;
  data: GuideData;
  createdAt: string;
  submittedAt?: string | null;
  reviewedAt?: string | null;
  reviewNote?: string | null;
  publishedAt?: string | null;
  /** Who had a hand in the version (four eyes: the editor and submitter are not its reviewer). */
  editedBy?: NamedRef | null;
  submittedBy?: NamedRef | null;
  reviewedBy?: NamedRef | null;
  publishedBy?: NamedRef | null;
}

export type VersionSummary = Pick<Version, 'version' | 'status' | 'createdAt'> &
  Partial<Pick<Version, 'submittedAt' | 'reviewedAt' | 'reviewNote' | 'publishedAt' | 'editedBy' | 'submittedBy' | 'reviewedBy' | 'publishedBy'>>;

export interface ItemDetail {
  id: string;
  code: string;
  status: ItemStatus;
  latestVersion: number;
  publishedVersion: number | null;
  department: NamedRef;
  latest: Version;
  versions: VersionSummary[];
  /** 'active' | 'suspended' | 'abolished' (server extension). */
  availability?: 'active' | 'suspended' | 'abolished';
  /** Actions this user may take now (server extension); preferred over deriving them from the status. */
  allowedActions?: ItemAction[];
  /** Whether this user may edit the item (server extension). */
  canEdit?: boolean;
  /** The center's four-eyes setting, and the allowed actions this user may not take because they edited or submitted the version. */
  fourEyes?: { secondReviewer: boolean; blockedActions: ItemAction[] };
}

export type ItemAction = 'submit' | 'review' | 'reject' | 'publish' | 'suspend' | 'resume' | 'abolish';

export interface ImportResult {
  created: number;
  updated: number;
  errors: { row: number; field?: string; message?: string; messageZh?: string }[];
}

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday' | 'localClosure' | 'extraWorkday';

export interface CalendarYear {
  year: number;
  known: boolean;
  days: { date: string; kind: DayKind; name?: string }[];
}

export interface CalendarOverride {
  scope: string;
  date: string;
  kind: 'holiday' | 'adjustedWorkday' | 'localClosure' | 'extraWorkday';
  note: string;
}
