/** The one material list's rule the page enforces before submitting online. */
import type { UploadedFile } from '../../api/cases';
import type { PlanMaterial } from './api';

/** The required materials the applicant still owes (online, they must all be uploaded). */
export const missingMaterials = (materials: PlanMaterial[], files: Record<string, UploadedFile | null | undefined>): PlanMaterial[] =>
  materials.filter((m) => m.handIn === 'applicant' && m.required === 'required' && !files[m.key]);
