import { defineEmailTemplates, emailTemplate } from '../../mail';

/** Team emails (the teams module sends them). */
export const teamEmails = defineEmailTemplates({
  'team-invitation': emailTemplate<{ inviter: string; team: string; link: string; days: number }>({
    description: 'Invitation to join a team; the link expires.',
    sample: {
      inviter: 'Grace Hopper',
      team: 'ACME Recruiting',
      link: 'https://app.career-tools.example/teams/join?token=ti_sample',
      days: 7,
    },
    translations: {
      en: (d) => ({
        subject: `${d.inviter} invited you to ${d.team} on Career Tools`,
        preview: `Join ${d.team} on Career Tools.`,
        paragraphs: [
          `${d.inviter} invited you to join the team ${d.team} on Career Tools.`,
          `The invitation expires in ${d.days} days.`,
        ],
        action: { label: 'Accept the invitation', url: d.link },
        note: 'If you did not expect this invitation, ignore this email.',
      }),
      de: (d) => ({
        subject: `${d.inviter} hat Sie zu ${d.team} bei Career Tools eingeladen`,
        preview: `Treten Sie ${d.team} bei Career Tools bei.`,
        paragraphs: [
          `${d.inviter} hat Sie eingeladen, dem Team ${d.team} bei Career Tools beizutreten.`,
          `Die Einladung läuft in ${d.days} Tagen ab.`,
        ],
        action: { label: 'Einladung annehmen', url: d.link },
        note: 'Wenn Sie diese Einladung nicht erwartet haben, ignorieren Sie diese E-Mail.',
      }),
      es: (d) => ({
        subject: `${d.inviter} te ha invitado a ${d.team} en Career Tools`,
        preview: `Únete a ${d.team} en Career Tools.`,
        paragraphs: [
          `${d.inviter} te ha invitado a unirte al equipo ${d.team} en Career Tools.`,
          `La invitación caduca en ${d.days} días.`,
        ],
        action: { label: 'Aceptar la invitación', url: d.link },
        note: 'Si no esperabas esta invitación, ignora este correo.',
      }),
      fr: (d) => ({
        subject: `${d.inviter} vous a invité à rejoindre ${d.team} sur Career Tools`,
        preview: `Rejoignez ${d.team} sur Career Tools.`,
        paragraphs: [
          `${d.inviter} vous a invité à rejoindre l’équipe ${d.team} sur Career Tools.`,
          `L’invitation expire dans ${d.days} jours.`,
        ],
        action: { label: 'Accepter l’invitation', url: d.link },
        note: 'Si vous n’attendiez pas cette invitation, ignorez cet e-mail.',
      }),
    },
  }),
});
