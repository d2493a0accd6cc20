/**
 * French → English gloss of general chat vocabulary (written for this project from everyday French). Keys
 * are normalised words (lowercase, accents folded); values are English words as the model knows them.
 * Inflected forms reach an entry through the French stemmer. No labelled French data exists here: this map
 * is checked only with the project's own synthetic sentences.
 * Format: "key english…" pairs separated by "|" or new lines.
 */
export const fr = `
je i | j i | moi me | me me | m me | tu you | toi you | te you | t you | il he | elle she | on we | nous we | vous you | ils they | elles they
lui him | leur their | mon my | ma my | mes my | ton your | ta your | tes your | son his | sa her | ses his | notre our | votre your | personne nobody
quelqu someone | quelqu'un someone | tout all | tous all | le the | la the | les the | l the | un a | une a | des some | du some | ce this | cette this
ces these | ca that | cela that | c it | qu that | que that | quoi what | qui who | quand when | comment how | pourquoi why | combien how many | ou where
quel which | quelle which | oui yes | ouais yeah | ouai yeah | non no | nan no | peut-etre maybe | peutetre maybe | bien good | bon good | mal bad | super great
genial great | cool cool | vraiment really | tres very | trop too | aussi too | encore still | deja already | seulement only | juste just | toujours always
jamais never | souvent often | bientot soon | plus more | tard late | apres after | avant before | aujourd today | aujourdhui today | demain tomorrow
hier yesterday | soir evening | nuit night | jour day | semaine week | weekend weekend | mois month | an year | ans years | annee year
age age | heure hour | heures hours | temps time | maintenant now | ici here | la there | maison home | chez at | dehors outside | salut hi | coucou hi
bonjour hello | bonsoir good evening | merci thanks | stp please | svp please | pardon sorry | desole sorry | suis am | es are | est is | sommes are
etes are | sont are | etais was | etait was | ai have | as have | a has | avons have | avez have | ont have | avais had | fais do | fait does | faire do
vais go | vas go | va goes | aller go | viens come | vient comes | venir come | dis say | dit says | dire say | raconte tell | sais know | sait know
savoir know | connais know | pense think | penses think | crois believe | trouve find | vois see | voir see | regarde look | regarder look | montre show
montrer show | envoie send | envoyer send | envoies send | ecris write | ecrire write | appelle call | appeler call | parler talk | parle talk | discuter chat
rencontrer meet | voir see | attends wait | attendre wait | aime love | aimes love | aimer love | adore love | manques miss | bisou kiss | bisous kisses
embrasser kiss | calin hug | toucher touch | sens feel | dormir sleep | dors sleep | jouer play | jeu game | jeux games | acheter buy | donner give | donne give
payer pay | argent money | cadeau gift | cadeaux gifts | carte card | garder keep | supprimer delete | supprime delete | effacer delete | cacher hide
deshabille undress | enleve take off | porter wear | porte wear | habites live | habiter live | vis live | aider help | besoin need | confiance trust
promets promise | promis promised | mentir lie | publier post | poster post | partager share | enregistre recorded | enregistrer record | pirate hacked
signaler report | bloquer block | vieux old | jeune young | garcon boy | fille girl | enfant child | enfants kids | femme woman | homme man | adulte adult
ado teen | ados teens | eleve student | ecole school | college school | lycee school | classe class | prof teacher | professeur teacher | devoirs homework
vacances holidays | parents parents | mere mom | maman mom | pere dad | papa dad | frere brother | soeur sister | mamie grandma | papy grandpa | famille family
ami friend | amie girlfriend | amis friends | copain boyfriend | copine girlfriend | pote buddy | cheri babe | cherie babe | bebe baby | mignon cute | mignonne cute
belle beautiful | beau beautiful | jolie pretty | sexy sexy | chaud hot | chaude hot | mature mature | seul alone | seule alone | ennui bored | triste sad
content happy | heureux happy | special special | prive private | secret secret | entre between | nous us | ensemble together | corps body | visage face
cheveux hair | yeux eyes | bouche mouth | levres lips | seins breasts | jambes legs | fesses butt | nu naked | nue naked | sous-vetements underwear
culotte panties | soutien-gorge bra | jupe skirt | robe dress | vetements clothes | douche shower | bain bath | salle room | lit bed | chambre room | porte door
voiture car | parc park | cinema cinema | hotel hotel | ville town | adresse address | numero number | portable phone | telephone phone | photo photo | photos photos
selfie selfie | video video | videos videos | camera cam | webcam webcam | cam cam | compte account | message message | messages messages | appli app
sexe sex | amour love | amoureux in love | rendez-vous date | peur afraid | probleme problem | police police | danger danger | important important | vrai true
question question | demander ask | reponds answer | nom name | appelles called | pres near | loin far | grand big | petit small | petite small | nouveau new
beaucoup much | peu little | assez enough | dernier last | prochain next | fois time | encore again | vite quick | avec with | sans without | pour for | de of
dans in | sur on | sous under | contre against | jusqu until | rien nothing | quelque some | chose thing | mdr lol | ptdr lol | lol lol | tkt dont worry | jsp dont know
`;
