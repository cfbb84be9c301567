import { defineEmailTemplates, emailTemplate } from '../../mail';

const PROVIDER_LABELS: Record<string, string> = {
  google: 'Google',
  linkedin: 'LinkedIn',
  x: 'X',
  facebook: 'Facebook',
};
export const providerLabel = (provider: string) => PROVIDER_LABELS[provider] ?? provider;

/**
 * Emails of the identity module, in English, German, Spanish and French.
 * Links are built from FRONTEND_URL by the callers, never from the request.
 */
export const identityEmails = defineEmailTemplates({
  welcome: emailTemplate<{ name: string; link: string }>({
    description: 'Sent once the address is confirmed: what to do first.',
    sample: { name: 'Ada', link: 'https://app.career-tools.example/dashboard' },
    translations: {
      en: ({ name, link }) => ({
        subject: 'Welcome to Career Tools',
        preview: 'Your account is ready. Start with your first CV.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'Your Career Tools account is ready.',
          'Start with your first CV: import an existing one or begin from a template.',
        ],
        action: { label: 'Open Career Tools', url: link },
      }),
      de: ({ name, link }) => ({
        subject: 'Willkommen bei Career Tools',
        preview: 'Ihr Konto ist bereit. Beginnen Sie mit Ihrem ersten Lebenslauf.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Ihr Career-Tools-Konto ist bereit.',
          'Beginnen Sie mit Ihrem ersten Lebenslauf: Importieren Sie einen vorhandenen oder starten Sie mit einer Vorlage.',
        ],
        action: { label: 'Career Tools öffnen', url: link },
      }),
      es: ({ name, link }) => ({
        subject: 'Te damos la bienvenida a Career Tools',
        preview: 'Tu cuenta está lista. Empieza con tu primer CV.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'Tu cuenta de Career Tools está lista.',
          'Empieza con tu primer CV: importa uno que ya tengas o parte de una plantilla.',
        ],
        action: { label: 'Abrir Career Tools', url: link },
      }),
      fr: ({ name, link }) => ({
        subject: 'Bienvenue sur Career Tools',
        preview: 'Votre compte est prêt. Commencez par votre premier CV.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Votre compte Career Tools est prêt.',
          'Commencez par votre premier CV : importez-en un ou partez d’un modèle.',
        ],
        action: { label: 'Ouvrir Career Tools', url: link },
      }),
    },
  }),

  'verify-email': emailTemplate<{ name: string; link: string; hours: number }>({
    description: 'Confirm-your-address link after sign-up or an address change.',
    sample: {
      name: 'Ada',
      link: 'https://app.career-tools.example/verify-email?token=ev_sample',
      hours: 48,
    },
    translations: {
      en: ({ name, link, hours }) => ({
        subject: 'Confirm your email address',
        preview: 'Confirm that this is your email address.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'Welcome to Career Tools! Please confirm that this is your email address.',
          `The link works once and expires in ${hours} hours.`,
        ],
        action: { label: 'Confirm email', url: link },
        note: 'If you did not create an account, ignore this email.',
      }),
      de: ({ name, link, hours }) => ({
        subject: 'Bestätigen Sie Ihre E-Mail-Adresse',
        preview: 'Bestätigen Sie, dass dies Ihre E-Mail-Adresse ist.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Willkommen bei Career Tools! Bitte bestätigen Sie, dass dies Ihre E-Mail-Adresse ist.',
          `Der Link funktioniert einmal und läuft in ${hours} Stunden ab.`,
        ],
        action: { label: 'E-Mail bestätigen', url: link },
        note: 'Wenn Sie kein Konto angelegt haben, ignorieren Sie diese E-Mail.',
      }),
      es: ({ name, link, hours }) => ({
        subject: 'Confirma tu dirección de correo',
        preview: 'Confirma que esta es tu dirección de correo.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          '¡Te damos la bienvenida a Career Tools! Confirma que esta es tu dirección de correo.',
          `El enlace funciona una vez y caduca en ${hours} horas.`,
        ],
        action: { label: 'Confirmar correo', url: link },
        note: 'Si no has creado una cuenta, ignora este correo.',
      }),
      fr: ({ name, link, hours }) => ({
        subject: 'Confirmez votre adresse e-mail',
        preview: 'Confirmez que cette adresse e-mail est la vôtre.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Bienvenue sur Career Tools ! Merci de confirmer que cette adresse e-mail est la vôtre.',
          `Le lien fonctionne une seule fois et expire dans ${hours} heures.`,
        ],
        action: { label: 'Confirmer l’adresse', url: link },
        note: 'Si vous n’avez pas créé de compte, ignorez cet e-mail.',
      }),
    },
  }),

  'password-reset': emailTemplate<{ name: string; link: string; minutes: number }>({
    description: 'Reset link after "forgot password".',
    sample: {
      name: 'Ada',
      link: 'https://app.career-tools.example/reset-password?token=pr_sample',
      minutes: 60,
    },
    translations: {
      en: ({ name, link, minutes }) => ({
        subject: 'Reset your password',
        preview: 'Choose a new password for your Career Tools account.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'Someone asked to reset the password of your Career Tools account.',
          `The link works once and expires in ${minutes} minutes.`,
          'If you think someone else got into your account, the reset page can also unlink every ' +
            'sign-in provider (Google, LinkedIn, X, Facebook) and revoke every API key.',
        ],
        action: { label: 'Choose a new password', url: link },
        note: 'If it was not you, ignore this email: your password stays as it is.',
      }),
      de: ({ name, link, minutes }) => ({
        subject: 'Setzen Sie Ihr Passwort zurück',
        preview: 'Wählen Sie ein neues Passwort für Ihr Career-Tools-Konto.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Jemand hat angefordert, das Passwort Ihres Career-Tools-Kontos zurückzusetzen.',
          `Der Link funktioniert einmal und läuft in ${minutes} Minuten ab.`,
          'Wenn Sie vermuten, dass jemand anderes Zugriff auf Ihr Konto hat, können Sie auf der ' +
            'Seite auch alle Anmeldeanbieter (Google, LinkedIn, X, Facebook) trennen und alle API-Schlüssel widerrufen.',
        ],
        action: { label: 'Neues Passwort wählen', url: link },
        note: 'Wenn Sie das nicht waren, ignorieren Sie diese E-Mail: Ihr Passwort bleibt unverändert.',
      }),
      es: ({ name, link, minutes }) => ({
        subject: 'Restablece tu contraseña',
        preview: 'Elige una contraseña nueva para tu cuenta de Career Tools.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'Alguien ha pedido restablecer la contraseña de tu cuenta de Career Tools.',
          `El enlace funciona una vez y caduca en ${minutes} minutos.`,
          'Si crees que otra persona ha entrado en tu cuenta, la página también permite desvincular ' +
            'todos los proveedores de inicio de sesión (Google, LinkedIn, X, Facebook) y revocar todas las claves de API.',
        ],
        action: { label: 'Elegir una contraseña nueva', url: link },
        note: 'Si no has sido tú, ignora este correo: tu contraseña no cambia.',
      }),
      fr: ({ name, link, minutes }) => ({
        subject: 'Réinitialisez votre mot de passe',
        preview: 'Choisissez un nouveau mot de passe pour votre compte Career Tools.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Quelqu’un a demandé la réinitialisation du mot de passe de votre compte Career Tools.',
          `Le lien fonctionne une seule fois et expire dans ${minutes} minutes.`,
          'Si vous pensez que quelqu’un d’autre a accédé à votre compte, la page permet aussi de ' +
            'dissocier tous les fournisseurs de connexion (Google, LinkedIn, X, Facebook) et de révoquer toutes les clés d’API.',
        ],
        action: { label: 'Choisir un nouveau mot de passe', url: link },
        note: 'Si ce n’était pas vous, ignorez cet e-mail : votre mot de passe reste inchangé.',
      }),
    },
  }),

  'password-changed': emailTemplate<{ name: string }>({
    description: 'Security notice after a password change or reset.',
    sample: { name: 'Ada' },
    translations: {
      en: ({ name }) => ({
        subject: 'Your password was changed',
        preview: 'The password of your Career Tools account was just changed.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'The password of your Career Tools account was just changed, and your other sessions were signed out.',
          'If this was not you, reset your password now and contact support.',
        ],
      }),
      de: ({ name }) => ({
        subject: 'Ihr Passwort wurde geändert',
        preview: 'Das Passwort Ihres Career-Tools-Kontos wurde soeben geändert.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Das Passwort Ihres Career-Tools-Kontos wurde soeben geändert, und Ihre anderen Sitzungen wurden abgemeldet.',
          'Wenn Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück und kontaktieren Sie den Support.',
        ],
      }),
      es: ({ name }) => ({
        subject: 'Se ha cambiado tu contraseña',
        preview: 'Se acaba de cambiar la contraseña de tu cuenta de Career Tools.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'Se acaba de cambiar la contraseña de tu cuenta de Career Tools y se han cerrado tus demás sesiones.',
          'Si no has sido tú, restablece tu contraseña ahora y contacta con el soporte.',
        ],
      }),
      fr: ({ name }) => ({
        subject: 'Votre mot de passe a été modifié',
        preview: 'Le mot de passe de votre compte Career Tools vient d’être modifié.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Le mot de passe de votre compte Career Tools vient d’être modifié et vos autres sessions ont été déconnectées.',
          'Si ce n’était pas vous, réinitialisez votre mot de passe maintenant et contactez le support.',
        ],
      }),
    },
  }),

  'two-factor-changed': emailTemplate<{ name: string; enabled: boolean }>({
    description: 'Security notice when two-factor authentication is turned on or off.',
    sample: { name: 'Ada', enabled: true },
    translations: {
      en: ({ name, enabled }) => ({
        subject: enabled ? '2FA turned on' : '2FA turned off',
        preview: enabled
          ? 'Two-factor authentication is now on for your account.'
          : 'Two-factor authentication was turned off for your account.',
        greeting: `Hi ${name},`,
        paragraphs: [
          enabled
            ? 'Two-factor authentication is now on for your Career Tools account.'
            : 'Two-factor authentication was turned off for your Career Tools account.',
          'If this was not you, reset your password and contact support.',
        ],
      }),
      de: ({ name, enabled }) => ({
        subject: enabled ? '2FA aktiviert' : '2FA deaktiviert',
        preview: enabled
          ? 'Die Zwei-Faktor-Authentifizierung ist jetzt aktiv.'
          : 'Die Zwei-Faktor-Authentifizierung wurde deaktiviert.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          enabled
            ? 'Die Zwei-Faktor-Authentifizierung ist für Ihr Career-Tools-Konto jetzt aktiv.'
            : 'Die Zwei-Faktor-Authentifizierung wurde für Ihr Career-Tools-Konto deaktiviert.',
          'Wenn Sie das nicht waren, setzen Sie Ihr Passwort zurück und kontaktieren Sie den Support.',
        ],
      }),
      es: ({ name, enabled }) => ({
        subject: enabled ? '2FA activada' : '2FA desactivada',
        preview: enabled
          ? 'La autenticación en dos pasos ya está activada.'
          : 'Se ha desactivado la autenticación en dos pasos.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          enabled
            ? 'La autenticación en dos pasos ya está activada en tu cuenta de Career Tools.'
            : 'Se ha desactivado la autenticación en dos pasos en tu cuenta de Career Tools.',
          'Si no has sido tú, restablece tu contraseña y contacta con el soporte.',
        ],
      }),
      fr: ({ name, enabled }) => ({
        subject: enabled ? '2FA activée' : '2FA désactivée',
        preview: enabled
          ? 'L’authentification à deux facteurs est désormais activée.'
          : 'L’authentification à deux facteurs a été désactivée.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          enabled
            ? 'L’authentification à deux facteurs est désormais activée sur votre compte Career Tools.'
            : 'L’authentification à deux facteurs a été désactivée sur votre compte Career Tools.',
          'Si ce n’était pas vous, réinitialisez votre mot de passe et contactez le support.',
        ],
      }),
    },
  }),

  'new-device-login': emailTemplate<{
    name: string;
    device: string;
    ip: string;
    at: string;
    link: string;
  }>({
    description: 'Security notice about a sign-in from a device not seen before.',
    sample: {
      name: 'Ada',
      device: 'Firefox on Linux',
      ip: '198.51.100.23',
      at: 'Wed, 02 Dec 2026 14:00:00 GMT',
      link: 'https://app.career-tools.example/settings/sessions',
    },
    translations: {
      en: ({ name, device, ip, at, link }) => ({
        subject: 'New sign-in to your Career Tools account',
        preview: 'Your account was signed in to from a new device.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'Your account was just signed in to from a device we had not seen before:',
          `${device}, from ${ip}, at ${at}.`,
          'If this was you, there is nothing to do. If not, end that session and change your password now.',
        ],
        action: { label: 'Review your sessions', url: link },
      }),
      de: ({ name, device, ip, at, link }) => ({
        subject: 'Neue Anmeldung bei Ihrem Career-Tools-Konto',
        preview: 'Ihr Konto wurde von einem neuen Gerät aus angemeldet.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Ihr Konto wurde soeben von einem Gerät angemeldet, das wir noch nicht kannten:',
          `${device}, von ${ip}, am ${at}.`,
          'Wenn Sie das waren, ist nichts zu tun. Wenn nicht, beenden Sie diese Sitzung und ändern Sie sofort Ihr Passwort.',
        ],
        action: { label: 'Sitzungen prüfen', url: link },
      }),
      es: ({ name, device, ip, at, link }) => ({
        subject: 'Nuevo inicio de sesión en tu cuenta de Career Tools',
        preview: 'Se ha iniciado sesión en tu cuenta desde un dispositivo nuevo.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'Se acaba de iniciar sesión en tu cuenta desde un dispositivo que no conocíamos:',
          `${device}, desde ${ip}, el ${at}.`,
          'Si has sido tú, no tienes que hacer nada. Si no, cierra esa sesión y cambia tu contraseña ahora.',
        ],
        action: { label: 'Revisar tus sesiones', url: link },
      }),
      fr: ({ name, device, ip, at, link }) => ({
        subject: 'Nouvelle connexion à votre compte Career Tools',
        preview: 'Votre compte a été connecté depuis un nouvel appareil.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Votre compte vient d’être connecté depuis un appareil que nous ne connaissions pas :',
          `${device}, depuis ${ip}, le ${at}.`,
          'Si c’était vous, il n’y a rien à faire. Sinon, fermez cette session et changez votre mot de passe maintenant.',
        ],
        action: { label: 'Voir vos sessions', url: link },
      }),
    },
  }),

  'account-locked': emailTemplate<{
    name: string;
    failures: number;
    ip?: string;
    until: string;
  }>({
    description: 'Security notice: sign-in locked after failed attempts.',
    sample: { name: 'Ada', failures: 5, ip: '203.0.113.9', until: 'Wed, 02 Dec 2026 15:00:00 GMT' },
    translations: {
      en: ({ name, failures, ip, until }) => ({
        subject: 'Sign-in to your Career Tools account was locked',
        preview: `Sign-in is locked until ${until}.`,
        greeting: `Hello ${name},`,
        paragraphs: [
          `We locked sign-in to your Career Tools account after ${failures} failed ` +
            `sign-in attempts in a row${ip ? ` (the last from ${ip})` : ''}.`,
          `It unlocks by itself at ${until}; until then even the right password is refused.`,
          'If these attempts were not yours, someone may be guessing your password: choose a ' +
            'new, unique one once you are back in.',
        ],
      }),
      de: ({ name, failures, ip, until }) => ({
        subject: 'Die Anmeldung bei Ihrem Career-Tools-Konto wurde gesperrt',
        preview: `Die Anmeldung ist bis ${until} gesperrt.`,
        greeting: `Hallo ${name},`,
        paragraphs: [
          `Wir haben die Anmeldung bei Ihrem Career-Tools-Konto nach ${failures} fehlgeschlagenen ` +
            `Versuchen in Folge gesperrt${ip ? ` (der letzte von ${ip})` : ''}.`,
          `Die Sperre endet von selbst am ${until}; bis dahin wird auch das richtige Passwort abgelehnt.`,
          'Wenn diese Versuche nicht von Ihnen waren, versucht womöglich jemand, Ihr Passwort zu erraten: ' +
            'Wählen Sie danach ein neues, einzigartiges Passwort.',
        ],
      }),
      es: ({ name, failures, ip, until }) => ({
        subject: 'Se ha bloqueado el inicio de sesión en tu cuenta de Career Tools',
        preview: `El inicio de sesión está bloqueado hasta el ${until}.`,
        greeting: `Hola, ${name}:`,
        paragraphs: [
          `Hemos bloqueado el inicio de sesión en tu cuenta de Career Tools tras ${failures} ` +
            `intentos fallidos seguidos${ip ? ` (el último desde ${ip})` : ''}.`,
          `Se desbloquea sola el ${until}; hasta entonces se rechaza incluso la contraseña correcta.`,
          'Si esos intentos no fueron tuyos, alguien podría estar intentando adivinar tu contraseña: ' +
            'elige una nueva y única cuando vuelvas a entrar.',
        ],
      }),
      fr: ({ name, failures, ip, until }) => ({
        subject: 'La connexion à votre compte Career Tools a été bloquée',
        preview: `La connexion est bloquée jusqu’au ${until}.`,
        greeting: `Bonjour ${name},`,
        paragraphs: [
          `Nous avons bloqué la connexion à votre compte Career Tools après ${failures} ` +
            `tentatives échouées d’affilée${ip ? ` (la dernière depuis ${ip})` : ''}.`,
          `Le blocage se lève tout seul le ${until} ; d’ici là, même le bon mot de passe est refusé.`,
          'Si ces tentatives ne venaient pas de vous, quelqu’un essaie peut-être de deviner votre mot de passe : ' +
            'choisissez-en un nouveau, unique, une fois reconnecté.',
        ],
      }),
    },
  }),

  'identity-linked': emailTemplate<{ name: string; provider: string }>({
    description: 'Security notice: a sign-in provider was linked.',
    sample: { name: 'Ada', provider: 'google' },
    translations: {
      en: ({ name, provider }) => ({
        subject: `${providerLabel(provider)} sign-in was linked to your account`,
        preview: `You can now sign in with ${providerLabel(provider)}.`,
        greeting: `Hi ${name},`,
        paragraphs: [
          `Your Career Tools account can now be signed in to with ${providerLabel(provider)}.`,
          'If this was not you, unlink it in your account settings and change your password now.',
        ],
      }),
      de: ({ name, provider }) => ({
        subject: `Die Anmeldung mit ${providerLabel(provider)} wurde mit Ihrem Konto verknüpft`,
        preview: `Sie können sich jetzt mit ${providerLabel(provider)} anmelden.`,
        greeting: `Hallo ${name},`,
        paragraphs: [
          `Bei Ihrem Career-Tools-Konto kann man sich jetzt mit ${providerLabel(provider)} anmelden.`,
          'Wenn Sie das nicht waren, trennen Sie die Verknüpfung in Ihren Kontoeinstellungen und ändern Sie sofort Ihr Passwort.',
        ],
      }),
      es: ({ name, provider }) => ({
        subject: `Se ha vinculado el inicio de sesión con ${providerLabel(provider)} a tu cuenta`,
        preview: `Ya puedes iniciar sesión con ${providerLabel(provider)}.`,
        greeting: `Hola, ${name}:`,
        paragraphs: [
          `Ya se puede iniciar sesión en tu cuenta de Career Tools con ${providerLabel(provider)}.`,
          'Si no has sido tú, desvincúlalo en la configuración de tu cuenta y cambia tu contraseña ahora.',
        ],
      }),
      fr: ({ name, provider }) => ({
        subject: `La connexion avec ${providerLabel(provider)} a été associée à votre compte`,
        preview: `Vous pouvez désormais vous connecter avec ${providerLabel(provider)}.`,
        greeting: `Bonjour ${name},`,
        paragraphs: [
          `Votre compte Career Tools accepte désormais la connexion avec ${providerLabel(provider)}.`,
          'Si ce n’était pas vous, dissociez-la dans les paramètres de votre compte et changez votre mot de passe maintenant.',
        ],
      }),
    },
  }),

  'identity-unlinked': emailTemplate<{ name: string; provider: string }>({
    description: 'Security notice: a sign-in provider was unlinked.',
    sample: { name: 'Ada', provider: 'linkedin' },
    translations: {
      en: ({ name, provider }) => ({
        subject: `${providerLabel(provider)} sign-in was unlinked from your account`,
        preview: `You can no longer sign in with ${providerLabel(provider)}.`,
        greeting: `Hi ${name},`,
        paragraphs: [
          `Your Career Tools account can no longer be signed in to with ${providerLabel(provider)}.`,
          'If this was not you, change your password now.',
        ],
      }),
      de: ({ name, provider }) => ({
        subject: `Die Anmeldung mit ${providerLabel(provider)} wurde von Ihrem Konto getrennt`,
        preview: `Sie können sich nicht mehr mit ${providerLabel(provider)} anmelden.`,
        greeting: `Hallo ${name},`,
        paragraphs: [
          `Bei Ihrem Career-Tools-Konto kann man sich nicht mehr mit ${providerLabel(provider)} anmelden.`,
          'Wenn Sie das nicht waren, ändern Sie sofort Ihr Passwort.',
        ],
      }),
      es: ({ name, provider }) => ({
        subject: `Se ha desvinculado el inicio de sesión con ${providerLabel(provider)} de tu cuenta`,
        preview: `Ya no puedes iniciar sesión con ${providerLabel(provider)}.`,
        greeting: `Hola, ${name}:`,
        paragraphs: [
          `Ya no se puede iniciar sesión en tu cuenta de Career Tools con ${providerLabel(provider)}.`,
          'Si no has sido tú, cambia tu contraseña ahora.',
        ],
      }),
      fr: ({ name, provider }) => ({
        subject: `La connexion avec ${providerLabel(provider)} a été dissociée de votre compte`,
        preview: `Vous ne pouvez plus vous connecter avec ${providerLabel(provider)}.`,
        greeting: `Bonjour ${name},`,
        paragraphs: [
          `Votre compte Career Tools n’accepte plus la connexion avec ${providerLabel(provider)}.`,
          'Si ce n’était pas vous, changez votre mot de passe maintenant.',
        ],
      }),
    },
  }),

  'account-deleted': emailTemplate<{ name: string }>({
    description: 'Confirmation that the account and its data were deleted.',
    sample: { name: 'Ada' },
    translations: {
      en: ({ name }) => ({
        subject: 'Your Career Tools account was deleted',
        preview: 'Your account and its data were deleted, as you asked.',
        greeting: `Hi ${name},`,
        paragraphs: [
          'Your Career Tools account and the data that belonged to it were deleted, as you asked.',
          'Records we must keep (such as the security audit trail) no longer say anything about you.',
        ],
        note: 'If this was not you, contact support at once.',
      }),
      de: ({ name }) => ({
        subject: 'Ihr Career-Tools-Konto wurde gelöscht',
        preview: 'Ihr Konto und seine Daten wurden wie gewünscht gelöscht.',
        greeting: `Hallo ${name},`,
        paragraphs: [
          'Ihr Career-Tools-Konto und die zugehörigen Daten wurden wie gewünscht gelöscht.',
          'Aufzeichnungen, die wir aufbewahren müssen (etwa das Sicherheitsprotokoll), enthalten nichts mehr über Sie.',
        ],
        note: 'Wenn Sie das nicht waren, kontaktieren Sie sofort den Support.',
      }),
      es: ({ name }) => ({
        subject: 'Se ha eliminado tu cuenta de Career Tools',
        preview: 'Tu cuenta y sus datos se han eliminado, como pediste.',
        greeting: `Hola, ${name}:`,
        paragraphs: [
          'Tu cuenta de Career Tools y los datos que le pertenecían se han eliminado, como pediste.',
          'Los registros que debemos conservar (como el registro de seguridad) ya no dicen nada sobre ti.',
        ],
        note: 'Si no has sido tú, contacta con el soporte de inmediato.',
      }),
      fr: ({ name }) => ({
        subject: 'Votre compte Career Tools a été supprimé',
        preview: 'Votre compte et ses données ont été supprimés, comme demandé.',
        greeting: `Bonjour ${name},`,
        paragraphs: [
          'Votre compte Career Tools et les données qui lui appartenaient ont été supprimés, comme vous l’avez demandé.',
          'Les registres que nous devons conserver (comme le journal de sécurité) ne disent plus rien de vous.',
        ],
        note: 'Si ce n’était pas vous, contactez le support immédiatement.',
      }),
    },
  }),
});
