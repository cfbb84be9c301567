import JSZip from 'jszip';
import type { UserDataFile } from '../../common/user-data';

export interface ExportSection {
  name: string;
  files: UserDataFile[];
}

/** The ZIP of an export: one folder per module, and a manifest listing what is where. */
export async function buildExportZip(
  meta: { exportId: string; userId: string; createdAt: Date },
  sections: ExportSection[],
): Promise<Buffer> {
  const zip = new JSZip();
  const manifest = {
    exportId: meta.exportId,
    userId: meta.userId,
    createdAt: meta.createdAt.toISOString(),
    modules: sections.map((section) => ({
      name: section.name,
      files: section.files.map((file) => `${section.name}/${file.path}`),
    })),
  };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
  for (const section of sections) {
    for (const file of section.files) zip.file(`${section.name}/${file.path}`, file.content);
  }
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
