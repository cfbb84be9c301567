import { defineEmailTemplates, emailTemplate } from '../../mail';

const hi = {
  en: (n: string) => `Hi ${n},`,
  de: (n: string) => `Hallo ${n},`,
  es: (n: string) => `Hola, ${n}:`,
  fr: (n: string) => `Bonjour ${n},`,
};

/** Billing emails (the billing module sends them). */
export const billingEmails = defineEmailTemplates({
  'subscription-confirmed': emailTemplate<{
    name: string;
    plan: string;
    amount: string;
    nextBillingDate: string;
    link: string;
  }>({
    description: 'A subscription started or changed plan.',
    sample: {
      name: 'Ada',
      plan: 'Pro',
      amount: '€9.00 / month',
      nextBillingDate: '2027-01-02',
      link: 'https://app.career-tools.example/settings/billing',
    },
    translations: {
      en: (d) => ({
        subject: `Your ${d.plan} subscription is active`,
        preview: `Thanks for subscribing to ${d.plan}.`,
        greeting: hi.en(d.name),
        paragraphs: [
          `Thanks for subscribing to Career Tools ${d.plan}. Its features are unlocked now.`,
        ],
        rows: [
          ['Plan', d.plan],
          ['Price', d.amount],
          ['Next payment', d.nextBillingDate],
        ],
        action: { label: 'Manage your subscription', url: d.link },
      }),
      de: (d) => ({
        subject: `Ihr ${d.plan}-Abonnement ist aktiv`,
        preview: `Danke für Ihr ${d.plan}-Abonnement.`,
        greeting: hi.de(d.name),
        paragraphs: [
          `Danke für Ihr Abonnement von Career Tools ${d.plan}. Die Funktionen sind ab sofort freigeschaltet.`,
        ],
        rows: [
          ['Tarif', d.plan],
          ['Preis', d.amount],
          ['Nächste Zahlung', d.nextBillingDate],
        ],
        action: { label: 'Abonnement verwalten', url: d.link },
      }),
      es: (d) => ({
        subject: `Tu suscripción ${d.plan} está activa`,
        preview: `Gracias por suscribirte a ${d.plan}.`,
        greeting: hi.es(d.name),
        paragraphs: [
          `Gracias por suscribirte a Career Tools ${d.plan}. Sus funciones ya están disponibles.`,
        ],
        rows: [
          ['Plan', d.plan],
          ['Precio', d.amount],
          ['Próximo pago', d.nextBillingDate],
        ],
        action: { label: 'Gestionar tu suscripción', url: d.link },
      }),
      fr: (d) => ({
        subject: `Votre abonnement ${d.plan} est actif`,
        preview: `Merci de vous être abonné à ${d.plan}.`,
        greeting: hi.fr(d.name),
        paragraphs: [
          `Merci de vous être abonné à Career Tools ${d.plan}. Ses fonctionnalités sont disponibles dès maintenant.`,
        ],
        rows: [
          ['Formule', d.plan],
          ['Prix', d.amount],
          ['Prochain paiement', d.nextBillingDate],
        ],
        action: { label: 'Gérer votre abonnement', url: d.link },
      }),
    },
  }),

  'subscription-cancelled': emailTemplate<{
    name: string;
    plan: string;
    endsAt: string;
    link: string;
  }>({
    description: 'A subscription was cancelled; it runs until the end of the period.',
    sample: {
      name: 'Ada',
      plan: 'Pro',
      endsAt: '2027-01-02',
      link: 'https://app.career-tools.example/settings/billing',
    },
    translations: {
      en: (d) => ({
        subject: `Your ${d.plan} subscription was cancelled`,
        preview: `${d.plan} stays active until ${d.endsAt}.`,
        greeting: hi.en(d.name),
        paragraphs: [
          `Your Career Tools ${d.plan} subscription was cancelled. You keep its features until ${d.endsAt}; after that your account moves to the free plan and keeps your data.`,
        ],
        action: { label: 'Resubscribe', url: d.link },
      }),
      de: (d) => ({
        subject: `Ihr ${d.plan}-Abonnement wurde gekündigt`,
        preview: `${d.plan} bleibt bis ${d.endsAt} aktiv.`,
        greeting: hi.de(d.name),
        paragraphs: [
          `Ihr Abonnement von Career Tools ${d.plan} wurde gekündigt. Sie behalten die Funktionen bis ${d.endsAt}; danach wechselt Ihr Konto in den kostenlosen Tarif und behält Ihre Daten.`,
        ],
        action: { label: 'Erneut abonnieren', url: d.link },
      }),
      es: (d) => ({
        subject: `Se ha cancelado tu suscripción ${d.plan}`,
        preview: `${d.plan} sigue activa hasta el ${d.endsAt}.`,
        greeting: hi.es(d.name),
        paragraphs: [
          `Se ha cancelado tu suscripción a Career Tools ${d.plan}. Conservas sus funciones hasta el ${d.endsAt}; después tu cuenta pasa al plan gratuito y conserva tus datos.`,
        ],
        action: { label: 'Volver a suscribirte', url: d.link },
      }),
      fr: (d) => ({
        subject: `Votre abonnement ${d.plan} a été résilié`,
        preview: `${d.plan} reste actif jusqu’au ${d.endsAt}.`,
        greeting: hi.fr(d.name),
        paragraphs: [
          `Votre abonnement Career Tools ${d.plan} a été résilié. Vous gardez ses fonctionnalités jusqu’au ${d.endsAt} ; ensuite votre compte passe à la formule gratuite et conserve vos données.`,
        ],
        action: { label: 'Se réabonner', url: d.link },
      }),
    },
  }),

  'payment-failed': emailTemplate<{ name: string; plan: string; amount: string; link: string }>({
    description: 'A renewal payment failed (critical: sent whatever the preferences).',
    sample: {
      name: 'Ada',
      plan: 'Pro',
      amount: '€9.00',
      link: 'https://app.career-tools.example/settings/billing',
    },
    translations: {
      en: (d) => ({
        subject: 'Your payment failed',
        preview: `We could not charge ${d.amount} for ${d.plan}.`,
        greeting: hi.en(d.name),
        paragraphs: [
          `We could not charge ${d.amount} for your Career Tools ${d.plan} subscription.`,
          'Please update your payment method to keep your plan; we will retry in a few days.',
        ],
        action: { label: 'Update payment method', url: d.link },
      }),
      de: (d) => ({
        subject: 'Ihre Zahlung ist fehlgeschlagen',
        preview: `Wir konnten ${d.amount} für ${d.plan} nicht abbuchen.`,
        greeting: hi.de(d.name),
        paragraphs: [
          `Wir konnten ${d.amount} für Ihr Abonnement von Career Tools ${d.plan} nicht abbuchen.`,
          'Bitte aktualisieren Sie Ihre Zahlungsmethode, um Ihren Tarif zu behalten; wir versuchen es in einigen Tagen erneut.',
        ],
        action: { label: 'Zahlungsmethode aktualisieren', url: d.link },
      }),
      es: (d) => ({
        subject: 'Tu pago ha fallado',
        preview: `No hemos podido cobrar ${d.amount} por ${d.plan}.`,
        greeting: hi.es(d.name),
        paragraphs: [
          `No hemos podido cobrar ${d.amount} por tu suscripción a Career Tools ${d.plan}.`,
          'Actualiza tu método de pago para conservar tu plan; lo volveremos a intentar en unos días.',
        ],
        action: { label: 'Actualizar el método de pago', url: d.link },
      }),
      fr: (d) => ({
        subject: 'Votre paiement a échoué',
        preview: `Nous n’avons pas pu prélever ${d.amount} pour ${d.plan}.`,
        greeting: hi.fr(d.name),
        paragraphs: [
          `Nous n’avons pas pu prélever ${d.amount} pour votre abonnement Career Tools ${d.plan}.`,
          'Mettez à jour votre moyen de paiement pour garder votre formule ; nous réessaierons dans quelques jours.',
        ],
        action: { label: 'Mettre à jour le moyen de paiement', url: d.link },
      }),
    },
  }),

  receipt: emailTemplate<{
    name: string;
    number: string;
    date: string;
    lines: [string, string][];
    total: string;
    link: string;
  }>({
    description: 'Receipt for a successful payment.',
    sample: {
      name: 'Ada',
      number: 'CT-2026-0042',
      date: '2026-12-02',
      lines: [['Career Tools Pro, December 2026', '€9.00']],
      total: '€9.00',
      link: 'https://app.career-tools.example/settings/billing/invoices/CT-2026-0042',
    },
    translations: {
      en: (d) => ({
        subject: `Receipt ${d.number}`,
        preview: `Thanks for your payment of ${d.total}.`,
        greeting: hi.en(d.name),
        paragraphs: [`Thanks for your payment on ${d.date}.`],
        rows: [...d.lines, ['Total', d.total]],
        action: { label: 'Download the invoice', url: d.link },
      }),
      de: (d) => ({
        subject: `Beleg ${d.number}`,
        preview: `Danke für Ihre Zahlung von ${d.total}.`,
        greeting: hi.de(d.name),
        paragraphs: [`Danke für Ihre Zahlung vom ${d.date}.`],
        rows: [...d.lines, ['Summe', d.total]],
        action: { label: 'Rechnung herunterladen', url: d.link },
      }),
      es: (d) => ({
        subject: `Recibo ${d.number}`,
        preview: `Gracias por tu pago de ${d.total}.`,
        greeting: hi.es(d.name),
        paragraphs: [`Gracias por tu pago del ${d.date}.`],
        rows: [...d.lines, ['Total', d.total]],
        action: { label: 'Descargar la factura', url: d.link },
      }),
      fr: (d) => ({
        subject: `Reçu ${d.number}`,
        preview: `Merci pour votre paiement de ${d.total}.`,
        greeting: hi.fr(d.name),
        paragraphs: [`Merci pour votre paiement du ${d.date}.`],
        rows: [...d.lines, ['Total', d.total]],
        action: { label: 'Télécharger la facture', url: d.link },
      }),
    },
  }),
});
