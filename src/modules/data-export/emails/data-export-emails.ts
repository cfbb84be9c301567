import { defineEmailTemplates, emailTemplate } from '../../mail';

/** Emails of data exports. The link is a signed storage URL that expires with the export. */
export const dataExportEmails = defineEmailTemplates({
  'data-export-ready': emailTemplate<{ name: string; link: string; expiresAt: string }>({
    description: 'Sent when a GDPR data export is ready: a signed, expiring download link.',
    sample: {
      name: 'Ada',
      link: 'https://storage.career-tools.example/data-exports/export.zip?signature=...',
      expiresAt: '2026-12-06 09:00 UTC',
    },
    translations: {
      en: ({ name, link, expiresAt }) => ({
        subject: 'Your Career Tools data export is ready',
        preview: 'Download a ZIP of everything we hold about you.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'The copy of your data you asked for is ready: a ZIP with one folder per part of Career Tools.',
          `The link works until ${expiresAt}; after that the file is deleted and you can ask for a new one.`,
          'If you did not ask for it, an administrator did so on your behalf; contact support with any question.',
        ],
        action: { label: 'Download your data', url: link },
      }),
      de: ({ name, link, expiresAt }) => ({
        subject: 'Ihr Career-Tools-Datenexport ist bereit',
        preview: 'Laden Sie ein ZIP mit allen Daten herunter, die wir über Sie speichern.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Die angeforderte Kopie Ihrer Daten ist bereit: ein ZIP mit einem Ordner je Bereich von Career Tools.',
          `Der Link gilt bis ${expiresAt}; danach wird die Datei gelöscht und Sie können eine neue anfordern.`,
          'Falls Sie ihn nicht angefordert haben, hat ein Administrator das für Sie getan; wenden Sie sich bei Fragen an den Support.',
        ],
        action: { label: 'Daten herunterladen', url: link },
      }),
      es: ({ name, link, expiresAt }) => ({
        subject: 'Tu exportación de datos de Career Tools está lista',
        preview: 'Descarga un ZIP con todos los datos que guardamos sobre ti.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'La copia de tus datos que pediste está lista: un ZIP con una carpeta por cada parte de Career Tools.',
          `El enlace funciona hasta ${expiresAt}; después el archivo se borra y puedes pedir uno nuevo.`,
          'Si no lo pediste tú, lo hizo un administrador en tu nombre; escribe a soporte si tienes dudas.',
        ],
        action: { label: 'Descargar tus datos', url: link },
      }),
      fr: ({ name, link, expiresAt }) => ({
        subject: 'Votre export de données Career Tools est prêt',
        preview: 'Téléchargez un ZIP de toutes les données que nous détenons sur vous.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'La copie de vos données que vous avez demandée est prête : un ZIP avec un dossier par partie de Career Tools.',
          `Le lien fonctionne jusqu’au ${expiresAt} ; ensuite le fichier est supprimé et vous pouvez en demander un nouveau.`,
          'Si vous ne l’avez pas demandé, un administrateur l’a fait pour vous ; contactez le support pour toute question.',
        ],
        action: { label: 'Télécharger vos données', url: link },
      }),
    },
  }),
});
