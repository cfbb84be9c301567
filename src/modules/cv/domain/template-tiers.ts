import type { Feature } from '@lib/authz';
import type { CvTemplate } from './resume';

/** Which plan feature each template needs: the single source for the CV module and the template catalog. */
export const CV_TEMPLATE_TIERS: Readonly<Record<CvTemplate, 'basic' | 'premium'>> = {
  modern: 'basic',
  classic: 'basic',
  minimal: 'basic',
  creative: 'premium',
  executive: 'premium',
  tech: 'premium',
};

export function templateFeature(template: CvTemplate): Feature {
  return CV_TEMPLATE_TIERS[template] === 'premium' ? 'premiumTemplates' : 'basicTemplates';
}
