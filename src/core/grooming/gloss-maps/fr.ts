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
pas not | et and | cest it is | jai i have | tas you have | tes you are | si if | au to the | aux to the | mais but | ou or | peux can | peut can
peuvent can | comme like | alors so | meme even | mets put | met put | mettre put | sinon otherwise | faut must | dois must | doit must | monde world
veux want | veut wants | veulent want | tel phone | vu seen | par by | passe pass | voit sees | verra will see | grave totally | parfait perfect
menvoies send me | menvoyer send me | jenvoie i send | tenvoie send you | lenvoie send it | envoye sent | defi dare | serieux serious | dabord first
paye pay | payes pay | reste stay | quon that we | rentre come home | rentrent come home | etre be | devant in front | ferme close | sweat sweatshirt
tenue outfit | conv chat | cours class | dessus on top | truc thing | vers towards | qqn someone | deux two | allume turn on | part leave | genre like
vont go | autres others | autre other | echange exchange | souci problem | dispo available | serai will be | recu received | maillot swimsuit
fete party | captures screenshots | capture screenshot | gens people | prendre take | prend takes | prends take | profil profile | chercher get
euh uh | depuis since | chut shh | vocal voice message | vocaux voice messages | nos our | vos your | dargent money | largent money | mieux better
agence agency | derriere behind | jure swear | soiree party | meilleure best | gars guy | comprendraient understand | comprennent understand
comprend understands | comprends understand | bizarre weird | active turn on | entier whole | surtout especially | ajoute add | dorment sleep | dort sleeps
sache know | propre own | photographe photographer | arrete stop | lien link | previens tell | daccord ok | nn no | franchement honestly
pendant during | gare station | daronne mom | darons parents | daron dad | pseudo username | perdu lost | balance expose | chaque every
ephemeres disappearing | ephemere disappearing | aprem afternoon | souviens remember | lumiere light | telecharge download | mannequin model
mannequins models | tranquille quiet | saura know | gilet cardigan | veste jacket | haut top | boulot work | cherche look for | parentale parental
parental parental | archive archive | archiver archive | retrouver find | leve stand | debout standing | allonge lie | danse dance | tourne turn
baisse lower | approche closer | cle key | verrou lock | abonnes followers | coeurs hearts | roses roses | cadeau gift | pote buddy | potes buddies
samedi saturday | dimanche sunday | lundi monday | mardi tuesday | mercredi wednesday | jeudi thursday | vendredi friday
`;
