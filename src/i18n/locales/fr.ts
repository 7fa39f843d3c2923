import type { Strings } from '../en.ts';

/**
 * French, "vous". French typography puts a narrow no-break space (U+202F) before ? and ! and a no-break space
 * (U+00A0) before a colon, so that the sign never wraps onto a line of its own.
 */
export const fr: Strings = {
  promptEmoji: 'Comment s’est passée votre expérience\u202f?',
  promptThumbs: 'Cela vous a-t-il été utile\u202f?',
  promptCsat: 'Quel est votre niveau de satisfaction concernant votre expérience\u202f?',
  promptNps: 'Quelle est la probabilité que vous nous recommandiez à un ami ou à un collègue\u202f?',
  promptCes: 'Dans quelle mesure a-t-il été facile d’obtenir ce dont vous aviez besoin\u202f?',
  followUpPrompt: 'Dites-nous-en plus sur votre expérience',
  followUpPlaceholder: 'Qu’est-ce qui vous a plu\u202f? Que pourrions-nous améliorer\u202f?',
  emoji1: 'Très mauvais',
  emoji2: 'Mauvais',
  emoji3: 'Neutre',
  emoji4: 'Bon',
  emoji5: 'Très bon',
  yes: 'Oui',
  no: 'Non',
  csatMin: 'Très insatisfait',
  csatMax: 'Très satisfait',
  npsMin: 'Pas du tout probable',
  npsMax: 'Extrêmement probable',
  cesMin: 'Très difficile',
  cesMax: 'Très facile',
  other: 'Autre',
  otherPlaceholder: 'Veuillez préciser',
  selectAll: 'Plusieurs réponses possibles',
  charsLeft: 'Caractères restants\u00a0: {n}',
  send: 'Envoyer',
  next: 'Suivant',
  skip: 'Passer',
  close: 'Fermer',
  askLater: 'Me demander plus tard',
  launcher: 'Votre avis',
  sending: 'Envoi en cours…',
  savedOffline: 'Enregistré\u00a0: votre avis sera envoyé dès que vous serez de nouveau en ligne.',
  thanks: 'Merci\u202f!',
  thanksLine: 'Votre avis nous aide à nous améliorer.',
  error: 'Désolés, votre avis n’a pas pu être envoyé.',
  retry: 'Réessayer',
};
