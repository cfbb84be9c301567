import { cloneJson } from './clone-json';
import { DEFAULT_CV_LAYOUT, type CvLayout } from './resume';

type LayoutInput = Partial<Omit<CvLayout, 'theme'>> & { theme?: Partial<CvLayout['theme']> };

/** A full layout: `base` (the defaults for a new CV) with what `input` sets on top. */
export function mergeLayout(
  input: LayoutInput | undefined,
  base: CvLayout = DEFAULT_CV_LAYOUT,
): CvLayout {
  const defined = <T extends object>(value: T | undefined) =>
    Object.fromEntries(
      Object.entries(value ?? {}).filter(([, v]) => v !== undefined && v !== null),
    );
  return cloneJson<CvLayout>({
    ...base,
    ...defined(input),
    theme: { ...base.theme, ...defined(input?.theme) },
  });
}
