"""Tests of the deterministic safety patterns (connectors.safety_patterns).

The positive phrasings below are deliberately different from the training
examples of data/nlu/emergency.yml, which are checked separately (recall).
"""

import dataclasses
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from connectors.safety_patterns import (  # noqa: E402
    SafetyKind,
    SafetyMatch,
    detect,
    detect_all,
    is_figure_of_speech,
    normalize,
)

MEDICAL_POSITIVES = [
    "mon voisin s'est électrocuté avec sa tondeuse",
    "mon fils a renversé l'huile bouillante sur son ventre",
    "douleur dans le bras gauche qui remonte à la mâchoire",
    "d'un coup sa main et son bras répondent plus",
    "elle respire très lentement et on n'arrive pas à la réveiller",
    "au secours mon voisin se vide de son sang dans l'escalier",
    "mon cousin a pris un coup de couteau dans le bras",
    "elle a la gorge qui se bloque depuis qu'elle a mangé des noix",
    "il s'est cogné la tête sur le carrelage et depuis il vomit",
    "papa sait plus où il est depuis ce matin",
    "ma femme a une douleur dans le thorax qui lui serre tout",
    "j'ai le torse écrasé comme si un éléphant était assis dessus",
    "douleur poitrine + sueurs, ça dure depuis 30 min",
    "Mon époux ressent une oppression thoracique et il est tout gris",
    "jé mal a la poitrinne ca irradie dans la machoire",
    "le bras gauche lourd et la poitrine qui brûle",
    "mon pere s'est effondré au supermarché",
    "elle ne reprend pas connaissance",
    "mon mari ne respire plus et je n'arrive pas à le réveiller",
    "il respire plu du tout",
    "jarrive plus a respirer jsuis en panique",
    "ma petite fille de 4 ans devient violette et elle tousse sans arrêt",
    "elle parle de façon incompréhensible depuis 10 minutes",
    "son visage est tout de travers, il bave d'un côté",
    "mon grand-père n'arrive plus à articuler, c'est venu brutalement",
    "j'ai perdu la vue de l'œil droit d'un seul coup",
    "le pire mal de tête de toute ma vie, d'un coup",
    "mon ado fait une crise d'épilepsie, il est par terre",
    "ma nièce a des convulsions et ne répond pas",
    "il a une hémorragie au bras, ça gicle",
    "la plaie ne s'arrête pas de saigner malgré le pansement",
    "sa langue a gonflé après l'antibiotique",
    "ma bouche enfle après avoir mangé des crevettes",
    "le petit s'étouffe avec une cacahuète",
    "mon fils de 5 ans est tombé du balcon",
    "ma maman est tombée, elle s'est tapé la tête et elle est toute confuse",
    "bébé très mou qui ne tète plus",
    "ma fille a 40 de fièvre avec des taches pourpres sur les jambes",
    "je suis enceinte de 5 mois et je perds du sang",
    "elle a perdu les eaux, je crois qu'elle accouche",
    "AIDEZ MOI VITE IL EST INCONSCIENT",
    "appelez le samu svp",
    "à l'aide !",
    "mon grand père est tombé dans les pommes et il revient pas à lui",
    "mon bébé a les lèvres grises et respire mal",
    "crise d'asthme très forte, la ventoline ne fait rien",
    "il a été percuté par une voiture",
    "mon père diabétique fait une hypo et il est tout confus",
    "au secour",
    "la gorge se ferme après la piqûre",
    "Madame, mon mari âgé se plaint d'une oppression au niveau du cœur et respire "
    "difficilement, que dois-je faire",
    "jcrois ke mon pere fait un avc sa bouche est tordue et il parle bizarre",
    "je sens plus mon bras droit ni ma jambe droite depuis 10 min",
    "ma fille de 10 mois a fait des convulsions, elle est toute molle maintenant",
    "mon bébé de 3 semaines a de la fièvre",
    "elle a de gros problèmes pour respirer",
    "mon ado a fait une chute en scooter et il ne se souvient de rien",
    "il a le bras et la jambe gauche paralysés",
    "ma fille est inconsciente après avoir bu de l'alcool",
    "le sang n'arrête pas de couler",
    # deformed limb, crushing chest, one side weak on waking, comprehension
    "il est tombé de vélo, son bras forme un angle pas normal",
    "après la chute sa cheville est complètement à l'envers",
    "un éléphant est assis sur mon torse",
    "papa s'est réveillé avec le bras et la jambe droite tout engourdis",
    "ma mère comprend plus rien à ce qu'on lui dit depuis tout à l'heure",
    # infant breathing, amputation, anaphylaxis misspelt, road accident
    "le bébé a les ailes du nez qui battent et il geint",
    "il s'est sectionné le doigt avec la scie",
    "anafilaxie après une piqûre d'abeille",
    "oedeme de kinke, la gorge gonfle",
    "un camion l'a percuté à vélo",
    "accident de scooter, mon fils est coincé sous la voiture",
    # long lie, won't wake, birth, hypoglycaemia, rigid abdomen
    "mon père est tombé hier soir et il est resté au sol toute la nuit",
    "mon nourrisson est impossible à réveiller",
    "ma femme est en train d'accoucher dans la voiture",
    "ma mère diabétique ne me reconnaît plus",
    "elle a le ventre tout dur comme de la pierre et vomit",
    # English, burns, electricity, someone who HAS the signs
    "he is not breathing",
    "my wife collapsed",
    "brûlure grande comme sa main avec de l'eau bouillante",
    "mon fils a mis une fourchette dans la prise, il a une brûlure noire",
    "mon père a tous les signes d'un AVC",
]

POISONING_POSITIVES = [
    "maman s'est fait deux fois son insuline ce matin",
    "ma fille a de l'acide sur les lèvres, elle a touché la bouteille",
    "j'ai pris 8 dafalgan depuis hier pour ma sciatique",
    "mon fils a gobé une capsule de lessive",
    "papi a bu tout le flacon de son sirop pour la toux",
    "ma fille a bu de la Javel !!!",
    "mon petit garçon a léché une capsule de lessive",
    "le bébé a mis une pile bouton dans sa bouche et je la trouve plus",
    "mon fils de 2 ans a bu du liquide pour déboucher les toilettes",
    "j'ai pris mes cachets pour la tension deux fois ce matin par erreur",
    "je me suis trompée de dose pour le sirop de ma fille",
    "ma mère a oublié qu'elle avait déjà pris son anticoagulant et elle l'a repris",
    "toute la famille a des maux de tête et la chaudière fait un bruit bizarre",
    "on a tous la nausée à la maison et le poêle à bois tourne depuis ce matin",
    "mon mari a mangé des champignons qu'il a cueillis et il vomit",
    "on a mangé des cèpes ramassés ce midi",
    "mon fils a mis un champignon du jardin dans sa bouche",
    "le détecteur de monoxyde fait du bruit",
    "je crois qu'on a du monoxyde à la maison",
    "MONOXYDE !!",
    "mon fils a mangé des baies du jardin",
    "un enfant a croqué une feuille de muguet",
    "j'ai reçu du déboucheur dans l'œil",
    "mon bébé a bu de l'huile essentielle d'eucalyptus",
    "il a bu de l'alcool à brûler dans une bouteille de soda",
    "ma fille a avalé des pilules de sa grande sœur",
    "mon fils a avalé plein de comprimés de doliprane",
    "j'ai respiré les vapeurs du déboucheur",
    "intox médicament enfant",
    "je pense que mon fils s'est intoxiqué avec un produit ménager",
    "mon fils a mangé de la mort-aux-rats",
    "j'ai mis de l'eau de javel dans mon café sans faire exprès et j'en ai bu",
    "elle a avalé du produit pour lave vaisselle",
    "centre anti-poison numéro",
    "ma fille a mangé du dentifrice, tout le tube",
    "j'ai avalé deux comprimés au lieu d'un",
    "mon petit-fils a trouvé mes somnifères et en a avalé",
    "j'ai pris 8 grammes de paracétamol",
    "mon bébé a mâchouillé une capsule de lessive",
    "il fait une overdose",
    "Bonjour, mon petit-fils de 2 ans a bu du produit pour les vitres, que faire ?",
    "mon bebe a avaler une pile",
    "ma mère a pris tous ses cachets du pilulier en une fois par erreur",
    "il a avalé des médicaments pour la tension de sa mamie",
    "j'ai pris par erreur 2 comprimés de xanax de ma soeur",
    "mon fils a bu de l'alcool à 90",
    "mon fils a bu un fond de bouteille de whisky, il a 3 ans",
    "ma fille a bu dans un flacon trouvé sous l'évier",
    # someone else's medicine, part of a container, pills missing
    "mon fils a pris les gélules de son grand frère",
    "ma mère a avalé le xarelto de mon père",
    "le petit a bu mon sirop pour la toux",
    "ma fille a mangé la moitié de la boîte de doliprane",
    "il a fouillé dans mon sac, la plaquette est ouverte et il en manque trois",
    # plant mix-up, CO (fire indoors, household unwell, better outside)
    "on a cueilli de l'ail des ours mais je crois qu'on l'a confondu avec du colchique",
    "on a mis le groupe électrogène dans le garage et les enfants vomissent",
    "toute la famille a mal à la tête depuis qu'on a rallumé la chaudière",
    "j'ai des vertiges à la maison mais ça passe quand je sors",
    # drugs, spiked drink, sprayed chemicals, pool chemicals
    "mon ado a sniffé des ballons de proto, il tremble",
    "ma fille a pris de l'ecstasy et elle a le coeur qui bat trop vite",
    "quelqu'un a mis un truc dans mon verre",
    "j'ai vaporisé de l'insecticide dans la chambre et j'ai la tête qui tourne",
    "galet de chlore dans l'oeil de mon fils",
    # days of pills, too much, opioid, battery, household items, unknown drink
    "papi a avalé les comprimés de toute la semaine d'un coup",
    "j'ai pris trop de xanax",
    "ma grand-mère a mis deux patchs de fentanyl, elle est impossible à réveiller",
    "aimant avalé par mon fils de 3 ans",
    "ma fille a mangé une bougie",
    "il a bu un truc dans un bidon du garage",
    "il a pris le traitement de sa femme sans le vouloir",
    "my son swallowed a battery",
]

SUICIDAL_POSITIVES = [
    "ça fait des semaines que j'ai mis de côté mes plaquettes de somnifères",
    "j'ai vidé toutes mes boîtes sur la table",
    "je vais tout avaler, les cachets sont devant moi",
    "ma lettre est prête, si jamais on me retrouve dites-leur que je les aimais",
    "je compte pas être encore en vie à noël",
    "j'ai laissé des lettres pour mes petits enfants, pour après",
    "ça fait des semaines que je mets de côté mes somnifères, il y en a assez",
    "j'ai plus aucune envie d'être sur terre",
    "mes dernières volontes sont écrites, je suis prêt",
    "si je mourais cette nuit ça me gênerait pas du tout",
    "elle veut rejoindre son mari au ciel depuis son décès",
    "il s'est enfermé dans la cave avec la carabine",
    "je tiens la lame et j'ai envie de me l'enfoncer",
    "il s'est enfermé dans le garage avec le moteur de la voiture allumé",
    "cette fois je vais pas me rater",
    "des fois je pense à foncer contre un platane",
    "je suis au bord du vide et je regarde en bas",
    "quand ça va trop mal je me brûle avec un briquet",
    "je me suis encore tailladé les bras cette nuit",
    "j'ai fixé la date, tout est prêt",
    "je voudrais que tout s'arrête une bonne fois",
    "j'ai envie d'en finir avec tout ça",
    "je n'ai plus aucune envie de vivre",
    "je préférerais mourir que continuer comme ça",
    "j'ai préparé une corde dans le garage",
    "personne ne me pleurera",
    "ce serait plus simple si j'étais morte",
    "je me demande comment me suicider sans souffrir",
    "je compte sauter du pont ce soir",
    "j'ai envie de m'ouvrir les veines",
    "je me suis scarifié les cuisses hier",
    "je voudrais dormir et ne plus jamais me réveiller",
    "mon fils de 15 ans m'a dit qu'il voulait mourir",
    "mon père répète qu'il va se pendre",
    "ma femme dit que la vie ne vaut plus la peine",
    "je suis de trop, ma famille serait mieux sans moi",
    "je suis une charge pour mes enfants, autant partir",
    "jveu pu vivre",
    "jai plu envie de vivre",
    "chuis a bout jvais me foutre en lair",
    "je pense à me tuer tous les soirs",
    "j'ai écrit un mot d'adieu",
    "à quoi ça sert de continuer à vivre",
    "je pense souvent à me jeter sous le métro",
    "je me frappe jusqu'au sang",
    "j'aimerais disparaître pour de bon",
    "JVEUX MOURIRRRR",
    "envie de me suicidé",
    "je me sens tellement un fardeau",
    "je vais prendre toute la boîte de somnifères ce soir",
    "comment mettre fin à ses jours",
    "je suis un boulet pour ma famille",
    "vous ne me reverrez plus",
    "je ne supporte plus la vie",
    "j'attends que la mort vienne me chercher",
    "Bonjour, je suis une vieille dame seule et je n'ai plus envie de me battre",
    "jsuis trop mal jveux plus vivre",
    "j'ai gardé tous mes médicaments pour en finir",
    "personne ne viendra à mon enterrement de toute façon",
    "j'ai fait une tentative il y a deux jours",
    "je ne supporte plus d'exister",
    "pourquoi je suis encore en vie",
    "si je pouvais ne pas me réveiller demain ce serait bien",
    "j'ai pensé à avaler tous mes somnifères",
    "ma fille s'est fait des coupures volontairement",
    # self-harm verb + body part
    "je me suis entaillé les bras hier avec une lame",
    "elle s'est coupée les poignets dans la salle de bain",
    "je me suis recoupé cette nuit",
    # English, Spanish
    "honestly i need to kill myself tonight",
    "I'm going to end it all",
    "i keep hurting myself",
    "me quiero morir",
    # finality + time marker, farewell formulas, "I won't be here"
    "cette nuit ce sera la fin pour moi",
    "demain je ne serai plus de ce monde",
    "quand vous lirez ce message je serai déjà partie",
    "n'envoyez plus de rappels, je ne serai plus là",
    "pour moi tout est fini, j'en peux plus",
    "je m'en vais pour toujours, pardon",
    "je pars et je ne reviendrai jamais, c'est mieux ainsi",
    "je t'écris pour la dernière fois",
    "j'ai laissé un mot pour mes enfants, adieu",
    # ready to go, joining the dead, death welcome
    "j'ai 92 ans j'ai assez vécu",
    "les enfants sont grands, ils n'ont plus besoin de moi, je peux partir",
    "je veux rejoindre mon mari, il est décédé l'an dernier",
    "que le seigneur me rappelle à lui",
    "ça me ferait ni chaud ni froid de mourir",
    # means at hand, place of danger, run over, ligature
    "j'ai la carabine de mon père sur mes genoux",
    "je suis assise sur le parapet du pont",
    "je vais me jeter dans la rivière",
    "j'aimerais qu'un camion m'écrase",
    "j'ai serré une corde autour de mon cou",
    # putting an end, hoarding, lethal question, reported, no point
    "j'en peux plus de cette vie, je vais y mettre un terme",
    "je veux que la douleur s'arrête pour toujours",
    "j'ai acheté du paracétamol dans trois pharmacies pour les avaler d'un coup",
    "quelles pilules sont mortelles si on en prend beaucoup",
    "mon père dit que sa famille serait plus heureuse sans lui",
    "je ne vois plus l'intérêt de continuer",
]

# Ordinary messages, idioms and first-aid questions that must NOT raise an alarm.
NEGATIVES = [
    "ma fille a goûté un peu de savon, elle rigole",
    "mon patron va me tuer si je suis en retard",
    "quels sont les signes d'un avc ? c'est pour ma culture",
    "comment on reconnaît un infarctus chez une femme",
    "quelles précautions pour la cueillette des champignons",
    "quelle formation pour apprendre le massage cardiaque ?",
    "faut il installer un détecteur de monoxyde dans un studio ?",
    "cèpes ramassés ce matin, je peux les manger ?",
    "champignons cueillette",
    "détecteur monoxyde",
    "le monoxyde a une odeur ou pas ?",
    "comment éviter que mon fils s'intoxique avec les produits ménagers",
    "c'est quoi le numéro du samu, je veux le noter sur le frigo",
    "ce devoir de maths va me tuer",
    "j'ai trouvé comment faire pour la carte vitale, merci",
    "que faire si on a de l'acide dans l'oeil ?",
    "overdose de réunions cette semaine",
    "dans la série le héros meurt à la fin, trop triste",
    "le film parle d'une femme empoisonnée par son mari",
    "adieu veaux vaches cochons, je pars en vacances",
    "j'ai la gorge gonflée avec mon angine",
    "j'ai un peu mal à la tête",
    "rappel de vaccin",
    "je suis mort de rire",
    "ce boulot me tue",
    "je meurs de faim",
    "je meurs de chaud",
    "je meurs d'envie d'un café",
    "ma grand-mère est décédée",
    "mon chat est mort",
    "comment soigner une petite brûlure",
    "que faire en cas de piqûre de guêpe",
    "je suis fatigué",
    "j'ai un rhume",
    "je veux arrêter de fumer",
    "mal au dos",
    "tuer le temps",
    "se faire vacciner",
    "mourir de rire",
    "j'ai mal au coeur depuis ce matin, envie de vomir",
    "je suis crevée après ma journée",
    "ça me tue de devoir attendre 3 semaines pour un rdv",
    "je veux en finir avec la cigarette",
    "j'ai du mal à respirer par le nez avec mon rhume",
    "le cabinet ne répond plus au téléphone",
    "mon médecin ne répond pas à mes messages",
    "mon fils ne se réveille pas le matin pour l'école",
    "je me suis coupé le doigt en cuisinant, ça saigne un peu",
    "est-ce que le vaccin contre la méningite est obligatoire",
    "je prends mon traitement deux fois par jour",
    "j'ai pris deux fois du doliprane aujourd'hui",
    "combien de doliprane par jour maximum",
    "ça me fait du mal de voir ma mère malade",
    "je me suis fait mal au dos en portant des cartons",
    "je vais sauter le repas de midi",
    "je vais me jeter à l'eau et m'inscrire à la salle",
    "mes cheveux sont tout gris",
    "je suis tombé hier, j'ai un bleu au genou",
    "je ne vois plus rien sans mes lunettes",
    "il ne me parle plus depuis notre dispute",
    "je vais mourir de honte",
    "on va tous mourir un jour",
    "c'est quoi les horaires de sos médecins",
    "aidez moi à trouver un dermatologue",
    "je voudrais un rendez-vous en urgence pour mon fils qui tousse",
    "le bébé arrive en mars, quelles démarches ?",
    "j'en peux plus de cette toux",
    "je veux disparaître sous la couette tout le week-end",
    "cette chaleur m'étouffe",
    "ma dent bouge",
    "j'ai avalé mes comprimés avec un verre d'eau",
    "mon fils a du mal à avaler ses comprimés",
    "ma fille a avalé son doliprane sans problème",
    "j'ai bu toute la bouteille d'eau",
    "je mange des produits bio",
    "je donne mes affaires à Emmaüs car je déménage",
    "je pense à la mort de mon père tous les jours, il me manque",
    "j'ai la gorge gonflée avec mon angine",
    "j'ai des boutons sur dos",
    "la fièvre est tombée mais il a encore mal à la tête et il dort beaucoup",
    "je me suis endormi sur mon bras, il est tout engourdi",
    "je ne peux pas vivre sans mon café le matin",
    "je ne veux pas mourir, j'ai peur de l'opération",
    "comment prévenir les AVC",
    "que faire si quelqu'un s'étouffe en mangeant",
    "mon père fait souvent des fausses routes en mangeant, comment réagir ?",
    "j'ai failli m'évanouir dans le métro",
    "j'avais mes lentilles et j'ai eu du produit vaisselle dans l'oeil",
    "comment éviter la déshydratation chez un bébé",
    "mon fils est tombé de la balançoire, il ne peut plus bouger le bras",
    "petit bout de bois planté dans la main",
    "mon mari ne bouge plus du canapé comment le motiver",
    "help",
    "bonjour je voudrais prendre rendez-vous",
    "merci beaucoup pour votre aide",
    # near misses of the suicidal families
    "c'est fini pour aujourd'hui merci",
    "je pars en vacances demain",
    "je vais partir, au revoir",
    "je me suis coupé les jambes en me rasant",
    "je me suis griffée les bras en jardinant dans les ronces",
    "je me suis recoupé les cheveux",
    "I want to end my subscription",
    "demain je serai plus là, je pars en vacances",
    "demain je serai partie, vous pouvez appeler mon mari",
    "je ne serai plus là à partir de lundi",
    "demain c'est fini la chimio !",
    "pour moi c'est fini les régimes",
    "je quitte mon mari, je m'en vais pour de bon",
    "je peux partir tranquille en vacances",
    "ma femme est partie chez sa mère, je veux la rejoindre",
    "la mort ne me fait pas peur, c'est la douleur qui m'inquiète",
    "j'ai la corde à sauter à côté de moi",
    "je vais le faire, j'ai tout ce qu'il faut pour le gâteau",
    "je suis au bord de la mer",
    "je suis sur les rails maintenant, ça va mieux",
    "la voiture m'a presque renversé ce matin",
    "il porte une écharpe autour du cou",
    "je vais mettre fin à mon abonnement",
    "quels produits ménagers sont mortels pour les enfants",
    "je ne vois pas l'intérêt de continuer ce traitement",
    "je vous écris pour la dernière fois concernant ma facture",
    "j'ai écrit une lettre pour ma mère, c'est pour demain son anniversaire",
    # near misses of the poisoning families
    "la pharmacie m'a donné le traitement de ma mère",
    "il a mangé la moitié de la boîte de chocolats",
    "j'ai ouvert la boîte de doliprane, il en manque deux, le pharmacien s'est trompé",
    "comment ne pas confondre la ciguë et le persil",
    "on fait un barbecue dans le jardin ce soir",
    "on est tous malades, c'est la grippe",
    "je fume du cannabis pour dormir, est-ce grave",
    "mon fils a mangé un bonbon en soirée pyjama",
    "quelles précautions avec le désherbant",
    "je prends trop de médicaments, je voudrais en parler",
    "mamie est sous morphine et elle dort beaucoup",
    "où jeter les piles bouton usagées",
    "j'ai une bougie parfumée dans la chambre",
    "I took my medicine this morning",
    "I had food poisoning last week",
    # near misses of the medical families
    "je me suis tordu la cheville au foot",
    "ma jambe est tournée vers l'intérieur depuis la naissance",
    "le chat s'est assis sur ma poitrine cette nuit",
    "j'ai la jambe gauche engourdie depuis des semaines avec ma sciatique",
    "mon ado répond n'importe quoi quand je lui parle",
    "je me suis cassé un bout d'ongle",
    "il a fait un accident de voiture l'an dernier, il a encore mal au dos",
    "mon fils est dur à réveiller le matin",
    "ma fille accouche en mars",
    "je suis diabétique et je transpire la nuit",
    "j'ai le ventre dur après le repas",
    "what are the symptoms of a heart attack",
    "comment protéger les prises électriques des enfants",
    "le tirage au sort de la tombola",
    "comment on reconnaît un oedème de quincke",
    "symptômes crise cardiaque femme",
]

# Negation never suppresses a risk.
NEGATED_RISKS = [
    ("je ne veux plus vivre", SafetyKind.SUICIDAL),
    ("je n'ai plus envie de vivre", SafetyKind.SUICIDAL),
    ("je ne veux plus me réveiller", SafetyKind.SUICIDAL),
    ("je n'ai jamais pensé au suicide avant mais là oui", SafetyKind.SUICIDAL),
    ("je n'arrive plus à respirer", SafetyKind.MEDICAL),
    ("il ne respire plus", SafetyKind.MEDICAL),
    ("elle ne se réveille pas", SafetyKind.MEDICAL),
    ("il ne répond plus", SafetyKind.MEDICAL),
    ("ça ne s'arrête pas de saigner", SafetyKind.MEDICAL),
]

# Intentional overdoses: a medicine or product taken (just now, being taken, or at an
# unclear time) on purpose, to die or not wake up. They win over everything else.
OVERDOSE_POSITIVES = [
    "jai avalé toute ma plaquette de xanax jveux plus me reveiller",
    "J'AI PRIS TOUS MES SOMNIFERES POUR MOURIR",
    "g pris 30 comprimes de tramadol pour en finir",
    "je viens d'avaler tous mes antidepresseurs, adieu",
    "je suis en train d'avaler mes cachets un par un pour ne plus me réveiller",
    "ma mère a avalé sa boîte de somnifères pour mourir, elle me l'a dit au tél",
    "mon fils de 17 ans a pris une boite entiere de doliprane volontairement",
    "j'ai bu tout le flacon de sirop et pris tous mes cachets, je veux partir",
    "je me suis injecté tout mon stylo d'insuline pour en finir",
    "j'ai pris une poignée de lexomil avec du whisky, je veux dormir pour toujours",
    "mon copain a avalé plein de médocs exprès, il dit qu'il veut mourir",
    "je les ai toutes prises, toute la plaquette, c'est fini pour moi",
    "bonjour, ma soeur vient d'avaler tous ses medicaments pour le coeur, elle veut en "
    "finir, qu'est ce que je fais",
    "jviens de gober toute la boite de stilnox pour plus me reveiller",
    "j'ai vidé la boîte de doliprane pour en finir",
    "j'ai pris 40 cachets d'un coup, je voulais mourir",
    "Docteur, j'ai fait une overdose volontaire il y a une heure",
    "mon mari a avalé tout son pilulier exprès après notre dispute",
    "j'ai pris tous mes anxiolytiques, je veux que tout s'arrête",
    "ma fille a avalé des médicaments pour se tuer",
    "j'ai bu de la javel pour mourir",
    "jai avalé tt mes cachets pr en finir",
    "je suis en train de prendre toutes mes pilules, je veux mourir",
    "j ai pris tous mes medocs pour mourir, je sens que je m'endors",
    "j'ai avaaaalé tous mes cachets pour mourirrrr",
    "Bonjour, je suis suivie pour une dépression depuis deux ans. Ce soir je n'en "
    "pouvais plus, j'ai pris toutes mes boîtes de médicaments, je veux juste ne plus "
    "me réveiller. Je voulais que quelqu'un le sache.",
    "j'ai pris mes somnifères et mes anxiolytiques ensemble pour en finir",
    "jai pris 15 dolipranes expres",
    "avalé toute la boîte pour en finir",
    "mon père a fait une TS aux médicaments, il a avalé toute sa boîte de xanax",
    "elle a pris toute sa reserve de lexomil, elle m'a envoyé un sms d'adieu",
    "j'en ai pris 30, je veux dormir et ne jamais me réveiller",
    "j'ai bu de la javel, je veux mourir",
    "je me suis empoisonnée volontairement avec mes médicaments",
    "i took all my pills, i want to die",
    "j'ai pris plusieurs boites de doliprane, je veux partir pour de bon",
    "j'ai avalé tous mes comprimés volontairement",
    # timing unclear (present tense): still an overdose, high recall
    "je prends tous mes cachets pour en finir",
]

# Questions about a lethal quantity of a medicine: a suicidal crisis.
LETHAL_QUANTITY_QUESTIONS = [
    "il faut combien de dafalgan pour mourir",
    "quelle dose de lysanxia est mortelle ?",
    "c'est combien de comprimes la dose mortelle de lexomil",
    "à partir de combien de gélules de tramadol on meurt",
    "le paracetamol ca tue a partir de quelle quantite",
    "dose létale de la morphine",
    "combien de somniferes pour ne pas se reveiller",
    "combien de lexomil faut avaler pour y rester",
    "kel dose de doliprane pour mourir",
    "cb de xanax pour crever",
    "a partir de combien de grammes de paracetamol c'est mortel",
    "combien de comprimes de tramadol pour une dose mortelle",
    "la dose mortelle du lexomil c'est combien",
    "à partir de quelle quantité l'insuline tue",
    "combien de cachets faut-il avaler pour ne jamais se réveiller",
    "Combien De Stilnox Pour Mourir ?",
    "est ce que 30 doliprane ca suffit pour mourir",
    "combien de mg de morphine pour tuer quelqu'un",
    "le xanax a partir de combien on en meurt",
    "quelle quantite de paracetamol est letale pour un adulte",
    "dose fatale de somnifères",
    "combien de boites de doliprane pour que ce soit mortel",
    "c'est quoi la dose letale du tramadol",
    "on meurt avec combien de comprimés de lexomil ?",
    "Bonjour, je voudrais savoir combien de comprimés de mon traitement il faudrait "
    "prendre pour que ce soit mortel, simple question",
    "est ce qu'on peut mourir avec une boite de doliprane",
    "COMBIEN DE DOLIPRANNE POUR MOURIRRR",
    "a partir de combien de somniferes on ne se reveille plus",
    "l'insuline a forte dose ca tue en combien de temps",
]

# Looking for a way to die without pain: a suicidal crisis.
PAINLESS_DEATH_QUESTIONS = [
    "comment crever sans souffrir",
    "le moyen le plus doux de partir c'est lequel",
    "est-ce possible de mourir sans douleur",
    "la manière la moins douloureuse de partir",
    "une mort sans douleur ca existe ?",
    "partir en douceur dans mon sommeil comment faire",
    "c quoi la methode la plus douce pour partir",
    "je cherche un moyen de mourir sans rien sentir",
    "comment partir sans souffrir",
    "y a t il une facon de mourir qui ne fait pas mal",
    "je voudrais m'eteindre doucement sans que ca fasse mal",
    "comment faire pour mourir dans mon sommeil",
    "la mort la plus douce c'est quoi",
    "existe-t-il une mort douce et rapide",
    "jveu partir sans souffrir",
    "quelle est la facon la plus rapide et indolore de mourir",
    "MOURIR SANS AVOIR MAL COMMENT",
    "je veux juste m'endormir et partir en douceur",
    "un moyen de partir sans douleur svp",
    "comment ne plus se réveiller sans souffrir",
    "Bonsoir, je suis seule depuis longtemps et je me demande s'il existe une façon "
    "douce de partir, sans douleur, sans déranger personne",
    "partir tranquillement sans souffrir c'est tout ce que je demande",
    "mourrir en douceur",
    "comment faire pour mourir sans que ca fasse mal",
    "partiiiir sans souffrirrr",
    "c koi la mort la + douce",
    "quel est le moyen le plus rapide de mourir",
    "jsuis a bout, y a un moyen de partir en douceur sans souffrir ? "
    "jveux plus rien sentir",
    "comment on se tue sans se faire mal au moins",
]

# Ordinary questions that share words with the three families above: no alarm.
# "je voudrais que mon père parte sans souffrir, il est en soins palliatifs": a
# decision. End-of-life care of someone else is a question for the palliative team,
# not the crisis line; a first-person wish to die is still caught by other rules.
OVERDOSE_LETHAL_PAINLESS_NEGATIVES = [
    "c'est quoi la dose max de doliprane par jour",
    "je peux prendre combien d'ibuprofene",
    "dose maximale de paracetamol pour un enfant de 20 kg",
    "combien de temps pour que le doliprane fasse effet",
    "quelle dose de vitamine D pour un adulte",
    "combien de mg de xanax je peux prendre le soir",
    "le paracetamol c'est toxique pour le foie a partir de quelle dose ?",
    "a partir de quel âge on peut donner de l'ibuprofène",
    "quelle dose d'antibiotique pour tuer la bacterie",
    "quelle dose de doliprane pour mon chien, c'est mortel ?",
    "combien de personnes meurent chaque annee a cause du paracetamol",
    "combien de comprimes de levothyrox par jour",
    "combien de temps je peux garder une boite de doliprane ouverte",
    "je voudrais que mon pere parte sans souffrir, il est en soins palliatifs",
    "comment dormir sans se reveiller la nuit",
    "je veux m'endormir plus vite",
    "accoucher sans douleur",
    "une prise de sang sans douleur",
    "comment partir en vacances sans stress",
    "je voudrais partir à la retraite en douceur",
    "comment arrêter les somnifères en douceur",
    "comment perdre du poids sans souffrir",
    "mon grand-père est mort sans souffrir, il est parti dans son sommeil",
    "elle est partie en douceur, entourée de sa famille",
    "un détartrage sans douleur c'est possible ?",
    "mon chien est en fin de vie, comment le faire partir sans souffrir",
    "la sédation profonde permet de partir sans souffrir ?",
    "la mort de mon père a été douce, merci pour votre aide",
    "je veux partir de chez mes parents en douceur",
    "comment faire partir une verrue sans douleur",
    "on va partir doucement, on est fatigués",
    "le plus simple c'est de partir tot",
    "j'ai pris un somnifère pour dormir",
    "j'ai pris deux doliprane pour ne plus avoir mal",
    "j'ai pris un lexomil pour ne pas me réveiller la nuit",
]

# An intake told as a mistake stays a poisoning; a plan, a question or a past attempt
# stays a suicidal crisis; neither is an overdose.
NOT_AN_OVERDOSE = [
    ("je me suis trompé, j'ai pris 2 fois mon traitement", SafetyKind.POISONING),
    ("mon fils a avalé des cachets", SafetyKind.POISONING),
    ("j'ai pris tous mes somnifères sans faire exprès", SafetyKind.POISONING),
    (
        "j'ai pris tous mes médicaments de la semaine d'un coup, "
        "je me suis trompée de case",
        SafetyKind.POISONING,
    ),
    ("mon fils a avalé 3 doliprane, est ce que c'est mortel ?", SafetyKind.POISONING),
    # A decision: a learning question with no death word stays a poisoning as before
    # (the antipoison centre is the right help whether or not something was taken).
    ("surdosage paracetamol c'est dangereux ?", SafetyKind.POISONING),
    ("je vais prendre toute la boîte de somnifères ce soir", SafetyKind.SUICIDAL),
    (
        "ma soeur a dit qu'elle allait avaler tous ses medicaments pour en finir",
        SafetyKind.SUICIDAL,
    ),
    (
        "si j'avale toute la plaquette de lexomil est ce que je me reveillerai",
        SafetyKind.SUICIDAL,
    ),
    (
        "j'ai vidé toutes mes boites sur la table et je vais tout avaler",
        SafetyKind.SUICIDAL,
    ),
    ("j'ai pris ma décision, je veux mourir", SafetyKind.SUICIDAL),
    (
        "j'ai pris mon traitement ce matin mais j'ai toujours envie de mourir",
        SafetyKind.SUICIDAL,
    ),
    (
        "il y a deux ans j'ai avalé tous mes cachets pour en finir, et là j'y "
        "repense",
        SafetyKind.SUICIDAL,
    ),
    ("combien de comprimés faut-il pour ne plus se réveiller", SafetyKind.SUICIDAL),
]

# The reference messages of the overdose, lethal-quantity and painless-death work
# (some are also training examples, so they are kept out of the lists above).
SPECIFIED_CASES = [
    (text, SafetyKind.OVERDOSE)
    for text in (
        "j'ai pris toute la boite de lexomil pour ne plus me reveiller",
        "j'ai avale tous mes cachets pour en finir",
        "je viens de prendre 20 doliprane, je veux dormir pour toujours",
        "mon frere a pris tous ses medicaments expres il veut mourir",
        "j'ai tout avalé, je veux plus me réveiller",
    )
] + [
    (text, SafetyKind.SUICIDAL)
    for text in (
        "combien de doliprane faut il pour mourir",
        "quelle dose de xanax est mortelle",
        "a partir de combien de cachets de tramadol on meurt",
        "dose letale insuline",
        "combien de somniferes pour ne pas se reveiller",
        "comment mourir sans souffrir",
        "quel est le moyen le plus doux de partir",
        "comment s'endormir pour toujours",
        "mourir sans douleur c'est possible comment",
        "la facon la moins douloureuse d'en finir",
    )
]


@pytest.mark.parametrize("text", MEDICAL_POSITIVES)
def test_medical_emergencies_are_detected(text):
    match = detect(text)
    assert match is not None, text
    assert match.kind is SafetyKind.MEDICAL, (text, match)


@pytest.mark.parametrize("text", POISONING_POSITIVES)
def test_poisonings_are_detected(text):
    match = detect(text)
    assert match is not None, text
    assert match.kind is SafetyKind.POISONING, (text, match)


@pytest.mark.parametrize("text", SUICIDAL_POSITIVES)
def test_suicidal_crises_are_detected(text):
    match = detect(text)
    assert match is not None, text
    assert match.kind is SafetyKind.SUICIDAL, (text, match)


@pytest.mark.parametrize("text", NEGATIVES)
def test_ordinary_messages_raise_no_alarm(text):
    assert detect(text) is None, (text, detect_all(text))


@pytest.mark.parametrize("text", OVERDOSE_POSITIVES)
def test_intentional_overdoses_are_detected(text):
    match = detect(text)
    assert match is not None, text
    assert match.kind is SafetyKind.OVERDOSE, (text, match)


@pytest.mark.parametrize("text", LETHAL_QUANTITY_QUESTIONS + PAINLESS_DEATH_QUESTIONS)
def test_lethal_quantity_and_painless_death_questions_are_suicidal(text):
    match = detect(text)
    assert match is not None, text
    assert match.kind is SafetyKind.SUICIDAL, (text, match)


@pytest.mark.parametrize("text", OVERDOSE_LETHAL_PAINLESS_NEGATIVES)
def test_dose_and_gentle_questions_raise_no_alarm(text):
    assert detect(text) is None, (text, detect_all(text))


@pytest.mark.parametrize("text,kind", NOT_AN_OVERDOSE)
def test_mistakes_plans_and_questions_are_not_overdoses(text, kind):
    match = detect(text)
    assert match is not None and match.kind is kind, (text, match)


@pytest.mark.parametrize("text,kind", SPECIFIED_CASES)
def test_specified_cases(text, kind):
    match = detect(text)
    assert match is not None and match.kind is kind, (text, match)


def test_a_mistake_with_a_death_word_is_not_an_overdose():
    # Fear after an accident is not a wish to die: never the overdose answer.
    text = "j'ai pris toute la boîte de doliprane par erreur, je vais mourir ?"
    match = detect(text)
    assert match is not None and match.kind is not SafetyKind.OVERDOSE, match


@pytest.mark.parametrize("text,kind", NEGATED_RISKS)
def test_negation_never_suppresses_a_risk(text, kind):
    match = detect(text)
    assert match is not None and match.kind is kind, (text, match)


@pytest.mark.parametrize(
    "text,kind",
    [
        # An intake done on purpose is an overdose; a plan stays a suicidal crisis.
        ("j'ai avalé toute la boîte de doliprane pour en finir", SafetyKind.OVERDOSE),
        (
            "j'ai pris tous mes somnifères pour ne plus me réveiller",
            SafetyKind.OVERDOSE,
        ),
        ("je vais boire de la javel pour mourir", SafetyKind.SUICIDAL),
        ("je vais me noyer", SafetyKind.SUICIDAL),
        ("j'ai fait une overdose exprès", SafetyKind.OVERDOSE),
        ("je me suis empoisonnée volontairement", SafetyKind.OVERDOSE),
    ],
)
def test_suicidal_intent_wins_over_poisoning_and_medical(text, kind):
    match = detect(text)
    assert match is not None and match.kind is kind, (text, match)
    assert len({m.kind for m in detect_all(text)}) >= 1


def test_overdose_wins_over_every_other_kind():
    text = "j'ai avalé toute ma boîte de xanax pour mourir, j'arrive plus à respirer"
    kinds = [m.kind for m in detect_all(text)]
    assert {SafetyKind.SUICIDAL, SafetyKind.POISONING, SafetyKind.MEDICAL} <= set(kinds)
    assert kinds[0] is SafetyKind.OVERDOSE and detect(text).kind is SafetyKind.OVERDOSE


def test_poisoning_wins_over_medical():
    text = "mon fils a bu du déboucheur et il a du mal à respirer"
    kinds = [m.kind for m in detect_all(text)]
    assert SafetyKind.MEDICAL in kinds and SafetyKind.POISONING in kinds
    assert detect(text).kind is SafetyKind.POISONING


def test_accidental_ingestion_without_intent_is_poisoning():
    assert (
        detect("j'ai avalé de l'insecticide sans faire exprès").kind
        is SafetyKind.POISONING
    )


def test_match_carries_a_rule_name_never_the_text():
    text = "je vais me foutre en l'air ce soir"
    match = detect(text)
    assert isinstance(match, SafetyMatch)
    assert match.rule.replace("_", "").isalpha() and match.rule.islower()
    assert "foutre" not in match.rule and len(match.rule) <= 30
    with pytest.raises(dataclasses.FrozenInstanceError):
        match.rule = "changed"  # frozen dataclass


def test_kind_values_are_the_nlu_intent_names():
    assert SafetyKind.MEDICAL.value == "emergency_medical"
    assert SafetyKind.POISONING.value == "emergency_poisoning"
    assert SafetyKind.SUICIDAL.value == "crisis_suicidal"
    assert SafetyKind.OVERDOSE.value == "crisis_overdose"
    assert SafetyKind("crisis_suicidal") is SafetyKind.SUICIDAL


@pytest.mark.parametrize("text", ["", "   ", "\n", "😀", "...", "ok"])
def test_empty_or_trivial_input(text):
    assert detect(text) is None


def test_long_input_is_fast_and_safe():
    assert detect("bonjour je voudrais savoir " * 400) is None
    assert detect("bla " * 2000 + "il respire plus").kind is SafetyKind.MEDICAL


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("Je VEUX MOURIRRRR", "je veux mourir"),
        ("jveux mourir", "je veux mourir"),
        ("g envie de crever", "j'ai envie de crever"),
        ("chuis suicidaire", "je suis suicidaire"),
        ("jsuis pa bien", "je suis pas bien"),
        ("jarrive pa a respiré", "j'arrive pas a respire"),
        ("Il ne respirait plus", "il ne respire plus"),
        ("respirez", "respire"),
        ("l’air", "l'air"),
        ("j`ai mal", "j'ai mal"),
        ("j ai mal", "j'ai mal"),
        ("grand‐mère", "grand mere"),
        ("anti-poison", "anti poison"),
        ("Œdème du cœur", "oedeme du coeur"),
        ("AIIIIDE", "aide"),
        ("au secourssss", "au secours"),
        ("il arrrrive", "il arrive"),
        ("jpp de cette vie", "j'en peux plus de cette vie"),
        ("je ve me tuer", "je vais me tuer"),
        ("g pu envie", "j'ai plus envie"),
        ("jveux pu vivre", "je veux plus vivre"),
        ("il a pu venir", "il a pu venir"),
        ("1 g de paracétamol", "1 g de paracetamol"),
        ("c grave ?", "c'est grave ?"),
        ("d un coup", "d'un coup"),
        ("  plusieurs   espaces\t ici ", "plusieurs espaces ici"),
    ],
)
def test_normalize(raw, expected):
    assert normalize(raw) == expected


def test_normalize_is_idempotent():
    for text in (
        MEDICAL_POSITIVES + POISONING_POSITIVES + SUICIDAL_POSITIVES + NEGATIVES
        + OVERDOSE_POSITIVES + LETHAL_QUANTITY_QUESTIONS + PAINLESS_DEATH_QUESTIONS
        + OVERDOSE_LETHAL_PAINLESS_NEGATIVES
    ):
        once = normalize(text)
        assert normalize(once) == once, text


def _training_examples():
    data = yaml.safe_load((ROOT / "data" / "nlu" / "emergency.yml").read_text("utf-8"))
    examples = {}
    for block in data["nlu"]:
        lines = block["examples"].splitlines()
        # An intent may come in several blocks: merge them.
        examples.setdefault(block["intent"], []).extend(
            ln.strip()[2:].strip() for ln in lines if ln.strip()
        )
    return examples


def test_training_data_has_the_three_intents_with_enough_examples():
    examples = _training_examples()
    assert len(examples["emergency_medical"]) >= 150
    assert len(examples["emergency_poisoning"]) >= 60
    assert len(examples["crisis_suicidal"]) >= 150
    flat = [text.lower() for texts in examples.values() for text in texts]
    assert len(flat) == len(set(flat)), "duplicate examples"


# Recall and false alarms on the training data: exact figures in test_safety_figures.py.


def test_positive_test_phrasings_are_not_training_copies():
    training = {t.lower() for texts in _training_examples().values() for t in texts}
    for text in (
        MEDICAL_POSITIVES + POISONING_POSITIVES + SUICIDAL_POSITIVES
        + OVERDOSE_POSITIVES + LETHAL_QUANTITY_QUESTIONS + PAINLESS_DEATH_QUESTIONS
    ):
        assert text.lower() not in training, text


@pytest.mark.parametrize(
    "text",
    [
        "j'ai failli mourir de honte",
        "on s'est tués au boulot cette semaine",
        "il ronfle à mort",
        "ce bruit me tue",
        "mdr je suis morte",
        "ma sœur va me tuer si j'oublie son anniversaire haha",
        "bon c'est pas la mort, on décale au jeudi",
        "la séance de sport d'hier m'a tuer",
        "je tuerais pour une douche chaude",
        "je vais étrangler mon chien il a mangé mes chaussons mdr",
        "notre lapin est mort hier, les enfants sont tristes",
        "maman est décédée il y a 5 ans, ça va, je vais bien maintenant",
        "dans le film le héros boit du poison, c'est réaliste ?",
        "combien de ml de sirop pour un bébé de 8 kg ?",
        "il est tombé du vélo hier, le genou a saigné mais ça s'est arrêté tout seul",
        "ma fille a mangé un peu de terre au parc, elle va très bien",
    ],
)
def test_figures_of_speech_are_recognised(text):
    assert is_figure_of_speech(text)


@pytest.mark.parametrize(
    "text",
    [
        "je veux mourir", "il ne respire plus", "mon mari va me tuer", "je me tue à petit feu",
        "quelle dose pour un enfant, il a avalé toute la boîte",
        "il a avalé des piles, il va bien pour l'instant",
        "elle va bien mais elle ne sent plus son bras",
    ],
)
def test_real_risks_are_not_figures_of_speech(text):
    assert not is_figure_of_speech(text)


@pytest.mark.parametrize(
    "text",
    [
        "j'ai déjà tenté il y a deux ans et en ce moment j'y repense tous les soirs",
        "jai deja fait une TS, les idees reviennent",
    ],
)
def test_a_past_attempt_with_the_thought_back_is_a_crisis(text):
    match = detect(text)
    assert match is not None and match.kind.value == "crisis_suicidal"


def test_a_past_attempt_alone_told_as_history_is_not_matched_by_that_rule():
    match = detect("j'ai déjà essayé le yoga et ça m'a fait du bien")
    assert match is None
