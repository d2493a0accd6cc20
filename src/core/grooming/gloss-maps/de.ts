/**
 * German → English gloss of general chat vocabulary (written for this project from everyday German, not
 * from any data set). Keys are normalised words (lowercase, accents folded: ä→a, ö→o, ü→u, ß→ss); values
 * are English words as the model knows them. Inflected forms reach an entry through the German stemmer.
 * Format: "key english…" pairs separated by "|" or new lines.
 */
export const de = `
ich i | mich me | mir me | du you | dich you | dir you | er he | ihn him | ihm him | sie she | es it | wir we | uns us | ihr you
euch you | mein my | meine my | meinen my | meinem my | meiner my | dein your | deine your | deinen your | deinem your | deiner your
sein his | seine his | ihre her | ihren her | unser our | unsere our | euer your | eure your | man one | jemand someone | jemandem someone
niemand nobody | niemandem nobody | niemanden nobody | keiner nobody | alle all | jeder everyone | jede every | selbst self
der the | die the | das the | den the | dem the | des the | ein a | eine a | einen a | einem a | einer a | kein no | keine no | keinen no
dieser this | diese this | dieses this | diesen this | jetzt now | dass that | wenn if | weil because | ob if | aber but | und and | oder or
nicht not | nichts nothing | nix nothing | etwas something | was what | wer who | wen who | wem who | wie how | wo where | wann when
warum why | wieso why | weshalb why | woher where from | wohin where | welche which | welcher which | welches which | wieviel how much | wieviele how many
ja yes | jo yes | jap yes | jep yes | joa yes | nein no | ne no | nee no | nö no | doch yes | vielleicht maybe | klar sure | sicher sure | genau exactly
ok ok | okay ok | gut good | schlecht bad | super great | toll great | cool cool | geil hot | krass wow | echt really | wirklich really | sehr very
ganz quite | zu too | auch too | noch still | schon already | nur only | bloss only | mal once | immer always | nie never | niemals never | oft often
manchmal sometimes | bald soon | spater later | gleich soon | heute today | morgen tomorrow | gestern yesterday | abend evening | abends evening
nacht night | nachts night | tag day | tage days | woche week | wochenende weekend | monat month | jahr year | jahre years | jahren years | jahrig year old
uhr time | zeit time | stunde hour | minute minute | minuten minutes | moment moment | danach after | vorher before | dann then | also so | denn then
hier here | da there | dort there | hin there | weg away | zuhause home | hause home | daheim home | draussen outside | drinnen inside | oben up | unten down
hallo hello | hi hi | hey hey | servus hi | moin hi | tschuss bye | ciao bye | gute good | guten good | danke thanks | bitte please | sorry sorry | entschuldigung sorry
bin am | bist are | ist is | sind are | seid are | war was | warst were | waren were | gewesen been | sei be | habe have | hab have | hast have | hat has
haben have | hatte had | hattest had | hatten had | gehabt had | werde will | wirst will | wird will | werden will | wurde would | wurdest would | wurden would
kann can | kannst can | konnen can | konnte could | konntest could | muss must | musst must | mussen must | soll should | sollst should | sollte should
will want | willst want | wollen want | wollte wanted | mochte like | mochtest like | mag like | magst like | mogen like | darf may | darfst may | durfen may
machen do | mache do | machst do | macht does | gemacht done | tun do | tue do | tust do | gehen go | geh go | gehe go | gehst go | geht goes | gegangen gone
kommen come | komm come | komme come | kommst come | kommt comes | gekommen came | sagen say | sag say | sage say | sagst say | sagt says | gesagt said
erzahlen tell | erzahl tell | verraten tell | wissen know | weiss know | weisst know | kennen know | kennst know | denken think | denke think | denkst think
glauben believe | glaube believe | meinen mean | meinst mean | finden find | finde find | findest find | sehen see | seh see | sehe see | siehst see | sieht looks
schauen look | schau look | guck look | gucken look | zeigen show | zeig show | zeige show | zeigst show | schicken send | schick send | schicke send
schickst send | senden send | send send | sende send | schreiben write | schreib write | schreibst write | anrufen call | ruf call | telefonieren call
reden talk | rede talk | redest talk | sprechen talk | sprich talk | chatten chat | treffen meet | treffe meet | triffst meet | trifft meet | sehen see
warten wait | warte wait | wartest wait | lieben love | liebe love | liebst love | lieb sweet | mogen like | vermissen miss | vermisse miss | vermisst miss
kussen kiss | kuss kiss | kusse kisses | kuscheln cuddle | umarmen hug | umarmung hug | beruhren touch | anfassen touch | fuhlen feel | fuhlst feel | fuhle feel
schlafen sleep | schlaf sleep | schlafst sleep | aufwachen wake | wach awake | mude tired | essen eat | trinken drink | spielen play | spiel game
kaufen buy | kauf buy | geben give | gib give | gebe give | bekommen get | kriegen get | kriegst get | bezahlen pay | zahlen pay | geld money | geschenk gift
geschenke gifts | schenken give | gutschein voucher | karte card | halten keep | behalten keep | loschen delete | losch delete | verstecken hide
ausziehen undress | zieh take off | anziehen dress | tragen wear | tragst wear | hast have | fahren drive | abholen pick up | bringen bring | wohnen live
wohnst live | lebst live | leben live | arbeiten work | lernen study | helfen help | hilf help | brauchen need | brauchst need | vertrauen trust | vertrau trust
versprechen promise | versprich promise | versprochen promised | lugen lie | drohen threaten | veroffentlichen post | posten post | hochladen upload | teilen share
verbreiten spread | aufnehmen record | aufgenommen recorded | gespeichert saved | speichern save | hacken hack | gehackt hacked | melden report | blockieren block
alt old | alter age | jung young | junge boy | jungs boys | madchen girl | madels girls | kind child | kinder kids | frau woman | mann man | mannlich male
weiblich female | erwachsene adult | erwachsener adult | teenager teen | schuler student | schulerin student | schule school | klasse class | lehrer teacher
lehrerin teacher | hausaufgaben homework | unterricht class | pause break | ferien holidays | eltern parents | mutter mom | mutti mom | mama mom | vater dad
vati dad | papa dad | bruder brother | schwester sister | geschwister siblings | oma grandma | opa grandpa | familie family | freund friend | freundin girlfriend
freunde friends | kumpel buddy | beste best | schatz babe | schatzi babe | baby baby | susse sweetie | susser sweetie | suss cute | hubsch pretty | schon beautiful
schone beautiful | hubsche pretty | sexy sexy | heiss hot | reif mature | erwachsen mature | allein alone | alleine alone | einsam lonely | langweilig boring
traurig sad | glucklich happy | froh glad | besonders special | privat private | geheim secret | geheimnis secret | unser our | zusammen together
korper body | gesicht face | haare hair | augen eyes | mund mouth | lippen lips | brust chest | brüste breasts | bruste breasts | titten boobs | beine legs
hintern butt | arsch ass | po butt | nackt naked | nackig naked | unterwasche underwear | bh bra | hoschen panties | slip panties | hose pants | rock skirt
kleid dress | kleidung clothes | bikini bikini | figur figure | dusche shower | duschen shower | bad bath | badezimmer bathroom | bett bed | zimmer room
tur door | abschliessen lock | haus house | wohnung flat | auto car | bus bus | bahnhof station | park park | kino cinema | hotel hotel | stadt town
adresse address | nummer number | handynummer phone number | handy phone | telefon phone | foto photo | fotos photos | bild picture | bilder pictures
selfie selfie | video video | videos videos | kamera cam | webcam webcam | cam cam | livestream stream | stream stream | kanal channel | konto account
nachricht message | nachrichten messages | chat chat | app app | spiel game | spiele games | zocken play | online online | offline offline | internet internet
sex sex | liebe love | verliebt in love | beziehung relationship | date date | treffen meet | ficken fuck | geil horny | spass fun | witz joke | lachen laugh
angst afraid | keine no | problem problem | probleme trouble | arger trouble | polizei police | gefahrlich dangerous | sicher safe | erlaubt allowed | verboten forbidden
wichtig important | richtig right | falsch wrong | wahr true | frage question | fragen ask | frag ask | antwort answer | antworte answer | name name | heisst called
heisse called | heissen called | woher from | land country | stadt city | nah near | weit far | gross big | klein small | lange long | kurz short | neu new
viel much | viele many | wenig little | bisschen bit | mehr more | weniger less | genug enough | erst first | erste first | letzte last | nachste next
einmal once | zweimal twice | wieder again | nochmal again | sofort now | schnell quick | langsam slow | leise quiet | still quiet | ruhig quiet
mit with | ohne without | fur for | von from | vom from the | zu to | zum to the | zur to the | bei at | beim at the | nach after | vor before | seit since
uber about | unter under | auf on | aus out | in in | im in the | ins into the | an at | am at the | um around | gegen against | bis until | durch through
jemals ever | irgendwann sometime | irgendwo somewhere | irgendwas anything | alles everything | egal whatever | naturlich of course | leider sadly
hoffentlich hopefully | wahrscheinlich probably | eigentlich actually | trotzdem anyway | lol lol | haha haha | hihi hehe | hmm hmm | na well
sonst otherwise | ansonsten otherwise | grad now | gerade now | eben just | einfach just | lass let | lasst let | lassen let | als as | ab from
nen a | ner a | nem a | paar few | zwei two | drei three | beide both | andere other | anderen others | leute people | damit so that | falls in case
gesehen seen | geschickt sent | schickt sends | geschrieben written | schreibt writes | fragt asks | gefragt asked | geloscht deleted | loscht deletes
gelesen read | liest reads | lesen read | mitlesen read along | guckt looks | checkt checks | kontrolliert checks | merkt notices | merken notice
gruppe group | klassengruppe class chat | klassenchat class chat | gruppenchat group chat | bleibt stays | bleiben stay | bleib stay | zuruck back
passt fits | perfekt perfect | drauf on it | dafur for it | dran on it | davon of it | kriegt gets | hol get | holen get | holt gets | bring bring
bringt brings | mitbringen bring | mitnehmen take along | vorbei over | vorbeikommen come over | besser better | lieber rather | gern gladly | gerne gladly
verstehen understand | versteht understands | verstehe understand | aussiehst look | aussieht looks | aussehen look | zuerst first | erstmal first
rein in | raus out | runter down | hoch up | ran closer | naher closer | profil profile | profilbild profile picture | passwort password
ehrlich honest | komisch weird | lustig funny | peinlich embarrassing | stolz proud | einzige only | einziger only | bestimmt surely | eig actually
jz now | voll totally | mega very | digga bro | heim home | gehort belongs | eigenes own | eigene own | beweis proof | uberraschung surprise
streng strict | verlauf history | anrufverlauf call history | sprachnachricht voice message | sprachnachrichten voice messages | link link | bio bio
dreh turn | drehen turn | stell put | stellen put | steh stand | stehen stand | leg lay | legen lay | hinlegen lie down | setz sit | halt hold
tanzen dance | tanz dance | tanzt dance | spiegel mirror | licht light | fenster window | decke blanket | kamera cam
pulli sweater | pullover sweater | jacke jacket | hoodie hoodie | shirt shirt | oberteil top | socken socks | schlafanzug pajamas | badeanzug swimsuit
badesachen swimwear | handtuch towel | leggings leggings | klamotten clothes | outfit outfit | anhast wearing | tragst wear | trikot jersey
hund dog | katze cat | geburtstag birthday | party party | mathe math | hausi homework | training practice | trainer coach | verein club
samstag saturday | sonntag sunday | montag monday | dienstag tuesday | mittwoch wednesday | donnerstag thursday | freitag friday
nachmittag afternoon | nachmittags afternoon | fruh early | nachher later | vorhin earlier | direkt directly | sofort now | kostet costs | pro per
tauschen trade | tausch trade | gratis free | taschengeld pocket money | munzen coins | herzen hearts | rose rose | rosen roses | lowe lion
universum universe | mutprobe dare | pflicht dare | wahrheit truth | zuschauer viewers | follower followers | abos subs | kanal channel
einkaufen shopping | arbeit work | sturmfrei home alone | kindersicherung parental controls | bildschirmzeit screen time | heimlich secretly
aufgehoben safe | lieblingsmensch favourite person | hinter behind | rucken back | bushaltestelle bus stop | haltestelle stop | treffpunkt meeting point
blockiert blocked | gesperrt blocked | gemeldet reported | erpresser blackmailer | erpressung blackmail | wehe dont you dare | kaputt broken
fertig done | passiert happens | normal normal | ubrigens by the way | dachte thought | gefunden found | gibts there is | gibt gives | gib give
nimm take | nimmst take | nimmt takes | tante aunt | onkel uncle | cousin cousin | cousine cousin | tochter daughter | sohn son | kopfhorer headphones
`;
