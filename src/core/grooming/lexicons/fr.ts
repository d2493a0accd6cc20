/** French signal lexicon (see en.ts). Apostrophes are dropped by normalisation: "t'as" is written "tas". */
import type { LexiconData } from '../lexicon.ts';

export const fr: LexiconData = {
  language: 'fr',
  abbreviations: { slt: 'salut', tkt: 'tinquiete', pk: 'pourquoi', koi: 'quoi', ki: 'qui', cc: 'coucou', jtm: 'je taime', bcp: 'beaucoup', dac: 'daccord', chui: 'je suis', jsuis: 'je suis', auj: 'aujourdhui' },
  numberWords: {
    cinq: 5, sept: 7, huit: 8, neuf: 9, dix: 10, douze: 12, treize: 13, quatorze: 14, quinze: 15, seize: 16, vingt: 20,
  },
  macros: {
    PARENTS: 'parents|mere|maman|pere|papa|frere|soeur|famille',
    PLATFORM: 'snapchat|whatsapp|telegram|discord|instagram|kik|signal|skype|tiktok|facetime|numero|num|tel|insta|snap',
    PHOTO: 'pic|pics|selfie|selfies|video|videos',
  },
  patterns: {
    age_probe: [[0.75, 'quel age (as tu|tu as|avez vous)', 'tu as quel age', 'tas quel age', 'quel age', 'ton age'], [0.6, '@minor tu es en quelle classe', '@minor tes en quelle classe', '@minor en quelle classe']],
    age_disclosure: [[0.7, 'jai # (ans)?', '# ans', 'je vais avoir #', 'jai que #', 'jai seulement #']],
    personal_info: [[0.6, 'tu habites ou', 'ou (habites tu|tu habites)', 'ton adresse', 'tu vas dans quelle ecole', 'quelle ecole', 'quel college', 'ton (numero|num|tel)', 'ton vrai nom'], [0.35, 'tu viens dou', 'quelle ville']],
    supervision_check: [[0.85, 'tes parents sont a la maison', 'tu es (seul|seule) chez toi', '(tes|ta|ton) ({PARENTS}) (sont|est) (la|a la maison|chez toi|(parti|partis))', 'tu es (seul|seule)', 'tes (seul|seule)', '(seul|seule) a la maison', 'il y a quelquun (avec toi|chez toi)', 'quand (rentrent|rentre) (tes|ta|ton) ({PARENTS})', '(tes|ta|ton) ({PARENTS}) (regardent|regarde|lisent|lit) (ton telephone|tes messages|ton portable)', 'ferme ta porte', 'tu es dans ta chambre', 'tes dans ta chambre']],
    secrecy: [[0.9, 'cest notre secret', 'ne dis rien a personne', 'ne le dis pas a (ta mere|ton pere|tes parents)', 'ne le dis a personne', 'dis le a personne', 'le dis a personne', 'dis rien a (personne|tes parents|ta mere|ton pere)', 'notre (petit )?secret', 'personne (ne )?doit (le )?savoir', 'efface (la conversation|les messages|tout|notre conversation)', '(tes )?parents ne comprendraient pas'], [0.5, 'entre nous', 'secret']],
    platform_move: [[0.65, 'tu as {PLATFORM}', 'tas {PLATFORM}', 'ajoute moi sur {PLATFORM}', 'on parle sur {PLATFORM}', 'passe sur {PLATFORM}', 'donne moi ton {PLATFORM}'], [0.6, 'viens en (prive|mp)', 'en prive', 'en mp']],
    image_request: [[0.8, 'envoie (juste |seulement )?(une |des )?({PHOTO})', 'montre moi ta chambre', 'en (maillot|bikini|pyjama|sous vetements)', 'photos test', 'envoie (moi )?(une |des )?({PHOTO}) (de toi)?', 'envoie moi', 'montre toi', 'montre moi', 'allume ta (cam|camera|webcam)', 'appel video', 'tu portes quoi', 'tas une (cam|camera|webcam)']],
    body_compliment: [[0.85, '@minor (tres |si |trop )?mature pour ton age', '@minor pas comme les autres (filles|garcons)'], [0.6, 'tu es (tres |trop |si )?(belle|jolie|sexy|canon|bonne)', 'tes (tres |trop |si )?(belle|jolie|sexy|canon|bonne)', 'beau corps']],
    trust_building: [[0.85, 'lage nest quun chiffre', 'lage cest quun chiffre', 'personne ne te comprend comme moi', '(tes )?parents ne te comprennent pas'], [0.6, 'tu peux me faire confiance', 'fais moi confiance', 'tu es (special|speciale)', 'tes (special|speciale)'], [0.4, 'je taime', 'tu me manques']],
    sexual_talk: [[0.8, 'tu es vierge', 'tes vierge', 'tas deja (fait lamour|couche)'], [0.5, 'sexe', 'nue', '(excite|excitee)']],
    meeting: [[0.75, 'je peux venir te chercher', 'je (passe|viens) te chercher', 'viens chez moi', 'dis a (tes )?parents que tu (dors|es) chez une (copine|amie)', 'sors en cachette'], [0.6, 'on se voit', 'on peut se voir', 'on se rencontre', 'quand est ce quon se voit']],
    gifts: [[0.6, 'agence de mannequins', 'agence de mannequin', 'photos test', 'tu pourrais etre mannequin', 'je travaille pour une agence'], [0.75, 'je peux te donner des (robux|vbucks|sous)', 'je tachete', 'je te paie', 'je te donne (de largent|des robux|des vbucks|un cadeau)', 'tu veux des (robux|vbucks|sous)', '(robux|vbucks) gratuits']],
    sextortion: [
      [0.95, '(ou|sinon) (je|jle|je le|je les) ~1 (envoie|montre|publie|poste|partage|balance)', '(ou|sinon) (jenvoie|je montre|je publie|je poste|je partage|je balance)', 'jenvoie (tes|les|ta|ton) ~2 a (tout le monde|tes parents|ton ecole|tes amis|toute ton ecole|ta famille|tes abonnes)', '(ou|sinon) (ta famille|tes parents|tout le monde|tes amis|tes abonnes|toute ton ecole) (les |la |le )?(verra|verront|voit|voient)', 'tout le monde va (les )?voir', 'je publie tes ({PHOTO})'],
      [0.7, 'jai pirate ton (compte|insta|snap|telephone)', 'jai tes ({PHOTO})', 'jai enregistre ton (live|stream|appel|video)'],
      [0.6, '(paie|paye|envoie de largent|vire) ~3 (ou|sinon)', 'en (cartes cadeaux|carte cadeau|bitcoin|crypto|paysafe)', 'tu as # (heures|minutes|jours)', 'fais ce que je (dis|veux)', 'envoie de largent'],
    ],
    threat: [[0.95, 'je sais ou tu habites'], [0.8, 'si tu (nenvoies|paies) pas', 'si tu envoies pas']],
    stream_pressure: [[0.8, 'pour # (likes|abonnes|coins)', 'va (dans la salle de bain|aux toilettes|sous la douche)', 'enleve (ton|ta|tes) (tshirt|t shirt|haut|chaussettes|pull|pantalon)', 'enleve le', 'montre (nous )?(tes )?(pieds|jambes|ventre)', 'baisse la (camera|cam)'], [0.7, 'je te defie', 'cap ou pas cap'], [0.5, 'retourne toi', 'leve toi']],
  },
};
