/** Types and access rules of the assessment pages (the server checks every route again). */
import type { Me } from '../../api/types';
import type { MetricName, MetricValue, PointsRule, SchemeBody, SubjectType, PeriodKind } from '../../../../src/assessment/rules';

export type { MetricName, MetricValue, PointsRule, SchemeBody, SubjectType, PeriodKind };
export const OFFICE_READ = ['centerAdmin', 'supervisor', 'leader'];
const SUBJECTS = ['receiver', 'coordinator', 'handler', 'chiefRep', 'leader'];
export const canSeeAssessment = (u: Me | null | undefined) => !!u && (OFFICE_READ.includes(u.role) || SUBJECTS.includes(u.role));
export const isOfficeReader = (u: Me | null | undefined) => !!u && OFFICE_READ.includes(u.role);
export const isAdmin = (u: Me | null | undefined) => !!u && u.role === 'centerAdmin';

export type PeriodState = 'draft' | 'computed' | 'frozen' | 'published';
export interface Period {
  id: string; kind: PeriodKind; key: string; from: string; to: string; state: PeriodState; computedAt: string | null; computeCount: number;
  frozenAt: string | null; publishedAt: string | null; publishedOn: string | null; appealBy: string | null; actions: string[]; digest: string | null;
}
export interface RankRow { subjectId: string; name: string; departmentId: string | null; computed: number; adjustment: number; total: number; rank: number; trend: number | null; history: { key: string; total: number }[] }
export interface Ranking { period: Period; subjectType: SubjectType; periods: string[]; items: RankRow[] }
export interface Line {
  id: string; key: string; label: string; source: 'computed' | 'manual' | 'adjustment'; metric: MetricName | null; metricLabel: string | null; rule: PointsRule | null; ruleText: string | null;
  value: MetricValue | null; shown: number | null; points: number; evidenceKind: string | null; evidenceCount: number; reason: string | null; fileId: string | null; appealId: string | null;
}
export interface Appeal {
  id: string; periodId: string; lineId: string; subjectType: SubjectType; subjectId: string; state: 'filed' | 'decided'; reason: string; filedOn: string;
  decision: 'upheld' | 'rejected' | null; points: number | null; note: string | null; periodKey?: string; lineLabel?: string; linePoints?: number; subjectName?: string | null;
}
export interface Detail {
  period: Period; subjectType: SubjectType; subjectId: string; name: string; scheme: { id: string; name: string; code: string; version: number };
  baseScore: number; computed: number; adjustment: number; total: number; lines: Line[]; appeals: Appeal[]; mayAppeal: boolean;
}
export interface Evidence { line: Line; kind: string | null; rows: Record<string, unknown>[]; total?: number; scored?: MetricValue; reason?: string | null; fileId?: string | null; appeal?: Appeal | null; limit: number }
export interface Scheme { id: string; code: string; version: number; name: string; subjectType: SubjectType; periodKind: PeriodKind; state: 'draft' | 'published' | 'superseded'; body: SchemeBody }
export interface AwardList { items: { key: string; name: string; subject: SubjectType; topN: number; minScore?: number; noViolation?: boolean; candidates: { subjectId: string; name: string; total: number; rank: number }[] }[] }
