import { CV_TEMPLATES, PAGE_SIZES, type CvTemplate, type PageSize } from '../domain/resume';
import { CV_TEMPLATE_TIERS } from '../domain/template-tiers';
import type { TemplateDesign } from './parts';
import { classic } from './templates/classic';
import { creative } from './templates/creative';
import { executive } from './templates/executive';
import { minimal } from './templates/minimal';
import { modern } from './templates/modern';
import { tech } from './templates/tech';

/** `basic` templates come with every plan; `premium` ones need the premiumTemplates feature. */
export type CvTemplateTier = (typeof CV_TEMPLATE_TIERS)[CvTemplate];

export interface CvTemplateInfo {
  name: CvTemplate;
  tier: CvTemplateTier;
  description: string;
  pageSizes: readonly PageSize[];
}

interface CatalogEntry extends Omit<CvTemplateInfo, 'tier'> {
  design: TemplateDesign;
}

const CATALOG: Record<CvTemplate, CatalogEntry> = {
  modern: {
    name: 'modern',
    description: 'Coloured header band, accent headings, dates beside each role.',
    pageSizes: PAGE_SIZES,
    design: modern,
  },
  classic: {
    name: 'classic',
    description: 'Centred name, small-caps headings between rules; traditional and ATS-friendly.',
    pageSizes: PAGE_SIZES,
    design: classic,
  },
  minimal: {
    name: 'minimal',
    description: 'Black on white with light headings and generous space.',
    pageSizes: PAGE_SIZES,
    design: minimal,
  },
  creative: {
    name: 'creative',
    description: 'Bold name, accent stripe and timeline, skill chips.',
    pageSizes: PAGE_SIZES,
    design: creative,
  },
  executive: {
    name: 'executive',
    description: 'Capitals and a heavy rule, shaded profile, a date column for long careers.',
    pageSizes: PAGE_SIZES,
    design: executive,
  },
  tech: {
    name: 'tech',
    description: 'Terminal-style header, monospace headings and code-like skill chips.',
    pageSizes: PAGE_SIZES,
    design: tech,
  },
};

export function listCvTemplates(): CvTemplateInfo[] {
  return CV_TEMPLATES.map((name) => templateInfo(name));
}

export function isCvTemplate(name: string): name is CvTemplate {
  return (CV_TEMPLATES as readonly string[]).includes(name);
}

export function templateInfo(name: CvTemplate): CvTemplateInfo {
  const { design: _design, ...info } = CATALOG[name];
  return { ...info, tier: CV_TEMPLATE_TIERS[name] };
}

export function templateDesign(name: CvTemplate): TemplateDesign {
  return CATALOG[name].design;
}
