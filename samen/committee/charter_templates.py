"""Plain-Dutch starting texts for the charter (data, B1, informal "we").

A starting text: the committee changes it to fit its own neighbourhood.
"""

ROLE_DESCRIPTIONS = {
    "chair": (
        "Je leidt de vergadering. Je zorgt dat iedereen aan het woord komt. "
        "Je maakt de agenda samen met de secretaris. Je spreekt voor het comité als dat nodig is."
    ),
    "secretary": (
        "Je stuurt de uitnodiging en de agenda. Je schrijft het verslag en de besluiten op. "
        "Je houdt de lijst met taken bij."
    ),
    "treasurer": (
        "Je houdt het geld van het comité bij. Je bewaart de bonnetjes. "
        "Eén keer per jaar vertel je op de vergadering wat we uitgaven."
    ),
    "housing_contact": (
        "Je bent het vaste aanspreekpunt voor de huisvestingsmaatschappij. "
        "Je brengt vragen van de buurt naar hen en je brengt hun antwoord terug naar het comité."
    ),
    "member": (
        "Je denkt mee op de vergadering. Je luistert naar de buren en brengt hun vragen mee. "
        "Je helpt bij activiteiten als je kunt."
    ),
}

CHARTER_TEXTS = {
    "mission": (
        "Wij zijn het buurtcomité van onze wijk. We zijn bewoners, net als jij.\n\n"
        "We willen dat iedereen zich thuis voelt in de buurt. We luisteren naar de buren. "
        "We brengen hun vragen en ideeën naar de huisvestingsmaatschappij en de stad. "
        "We maken samen de buurt mooier en veiliger."
    ),
    "vision": (
        "Over drie jaar kennen de buren elkaar beter. Er is een plek waar we samenkomen. "
        "Problemen in de woningen en op straat worden sneller opgelost, "
        "omdat we goed samenwerken met de huisvestingsmaatschappij.\n\n"
        "Iedereen kan meedoen, welke taal je ook spreekt."
    ),
    "structure": (
        "Het comité heeft een voorzitter, een secretaris, een penningmeester "
        "en een contactpersoon voor de huisvestingsmaatschappij. De andere leden denken mee.\n\n"
        "Een rol duurt twee jaar. Daarna kiezen we opnieuw. "
        "Elke bewoner van de wijk kan lid worden. De opbouwwerker helpt ons, maar beslist niet mee."
    ),
    "meeting_agreements": (
        "We vergaderen één keer per maand, op een vaste avond.\n\n"
        "- De agenda komt een week op voorhand.\n"
        "- Kan je niet komen? Laat het weten aan de secretaris.\n"
        "- We laten elkaar uitspreken.\n"
        "- We beslissen samen. Lukt dat niet, dan stemmen we. De helft van de aanwezigen plus één beslist.\n"
        "- Wat over één persoon gaat, blijft in de vergadering.\n"
        "- Het verslag komt binnen twee weken."
    ),
}
