import type { Role } from "@ketenportaal/api";

/**
 * Every Dutch text of the portal. Components read from here, never from string literals, so wording stays
 * consistent and a later translation or copy review touches one file.
 */
export const nl = {
  app: {
    name: "Ketenportaal",
    tagline: "Samenwerken in de keten rond huiselijk geweld en kindermishandeling",
  },

  layout: {
    skipLink: "Direct naar de inhoud",
    homeLink: "Ketenportaal, naar de startpagina",
    mainNavLabel: "Hoofdmenu",
    footerNavLabel: "Over dit portaal",
    signedInAs: "Ingelogd als",
    logoutButton: "Uitloggen",
    accessibilityLink: "Toegankelijkheid",
    footerText: "Ketenportaal — Veilig Thuis en ketenpartners",
  },

  roles: {
    functional_admin: "functioneel beheerder",
    vt_worker: "VT-medewerker",
    team_coordinator: "teamcoördinator",
    partner_worker: "medewerker ketenpartner",
    partner_coordinator: "coördinator ketenpartner",
    policy_officer: "beleidsmedewerker gemeente",
  } satisfies Record<Role, string>,

  sections: {
    handovers: {
      label: "Overdrachten",
      description: "Overdrachten aanbieden, accepteren of afwijzen en het eerste contact bevestigen.",
    },
    handoverTables: {
      label: "Overdrachtstafels",
      description: "Casussen inbrengen en bespreken in het regionale overleg.",
    },
    vvTrajectories: {
      label: "Voorwaarden & Vervolg",
      description: "Veiligheidsvoorwaarden samen vastleggen en volgen.",
    },
    reports: {
      label: "Werkvoorraad en rapportages",
      description: "Geanonimiseerde cijfers over werkvoorraad, doorlooptijden en knelpunten.",
    },
    admin: {
      label: "Beheer",
      description: "Organisaties, teams, gebruikers, regio's en termijnen beheren.",
    },
  },

  home: {
    title: "Startpagina",
    welcome: (name: string) => `Welkom, ${name}`,
    today: (date: string) => `Vandaag is het ${date}.`,
    accountHeading: "Uw gegevens",
    organisation: "Organisatie",
    role: "Rol",
    roles: "Rollen",
    team: "Team",
    sectionsHeading: "Waar wilt u naartoe?",
    noSections: "Er zijn voor uw rol nog geen onderdelen beschikbaar. Neem contact op met uw functioneel beheerder.",
  },

  forms: {
    errorSummaryHeading: "Er is een probleem",
  },

  login: {
    title: "Inloggen",
    heading: "Inloggen",
    intro: "Log in met het e-mailadres en wachtwoord van uw account bij het Ketenportaal.",
    emailLabel: "E-mailadres",
    passwordLabel: "Wachtwoord",
    submit: "Inloggen",
    submitting: "Bezig met inloggen…",
    loggedOut: "U bent uitgelogd.",
    invalidCredentials: "E-mailadres of wachtwoord is onjuist.",
    tooManyAttempts: "Te veel pogingen. Wacht een paar minuten en probeer het dan opnieuw.",
    emailRequired: "Vul uw e-mailadres in.",
    emailTooLong: "Dit e-mailadres is te lang.",
    emailInvalid: "Vul een geldig e-mailadres in, zoals naam@voorbeeld.nl.",
    passwordRequired: "Vul uw wachtwoord in.",
    passwordTooLong: "Dit wachtwoord is te lang.",
  },

  logout: {
    title: "Uitloggen",
    heading: "Uitloggen",
    confirm: "Wilt u uitloggen uit het Ketenportaal?",
    submit: "Uitloggen",
    cancel: "Terug naar de startpagina",
  },

  accessibility: {
    title: "Toegankelijkheidsverklaring",
    heading: "Toegankelijkheidsverklaring",
    intro:
      "Het Ketenportaal wil voor iedereen toegankelijk zijn. Wij streven ernaar dat het portaal voldoet aan de " +
      "Web Content Accessibility Guidelines (WCAG) 2.2 op niveau A en AA, zoals opgenomen in de Europese norm " +
      "EN 301 549. Overheidsinstanties zijn daartoe verplicht op grond van het Besluit digitale toegankelijkheid " +
      "overheid.",
    statusHeading: "Status",
    status: "Het Ketenportaal voldoet gedeeltelijk aan de eisen.",
    statusExplanation:
      "Het portaal is gebouwd en getest met toegankelijkheid als uitgangspunt, maar er is nog geen volledig " +
      "onderzoek door een onafhankelijke deskundige gedaan. Hieronder staat wat wij wel hebben onderzocht en " +
      "welke beperkingen wij kennen.",
    dateHeading: "Datum",
    date: (date: string) => `Deze verklaring is opgesteld op ${date} en wordt bij elke grote wijziging bijgewerkt.`,
    scopeHeading: "Waarop heeft deze verklaring betrekking?",
    scope:
      "Deze verklaring geldt voor de webapplicatie Ketenportaal: de inlogpagina, de startpagina, deze verklaring " +
      "en de onderdelen die al in gebruik zijn. De koppeling (API) voor systemen van ketenpartners en de " +
      "e-mailberichten die het portaal verstuurt, vallen er niet onder.",
    methodHeading: "Hoe is de toegankelijkheid onderzocht?",
    methods: [
      "Bij elke wijziging controleren geautomatiseerde tests de pagina's met axe-core op de succescriteria van " +
        "WCAG 2.0, 2.1 en 2.2 op niveau A en AA.",
      "De pagina's zijn getest met alleen het toetsenbord: alle functies zijn bereikbaar, de focus is steeds " +
        "zichtbaar en er is een link om direct naar de inhoud te gaan.",
      "Inloggen en uitloggen werken ook zonder JavaScript.",
      "De kleuren zijn gekozen met voldoende contrast (minimaal 4,5:1 voor tekst).",
    ],
    limitationsHeading: "Bekende beperkingen",
    limitations: [
      "Er is nog geen handmatig onderzoek (audit) uitgevoerd tegen alle succescriteria. Geautomatiseerde tests " +
        "vinden maar een deel van de mogelijke problemen.",
      "Het portaal is nog niet systematisch getest met schermlezers, vergrootsoftware en spraakbesturing.",
      "Na een uur zonder activiteit wordt u om veiligheidsredenen uitgelogd, zonder waarschuwing vooraf " +
        "(succescriterium 2.2.1 Timing aanpasbaar). Ingevulde gegevens die nog niet zijn opgeslagen, gaan dan verloren.",
      "Onderdelen die nog in ontwikkeling zijn, zoals overdrachten, overdrachtstafels, Voorwaarden & Vervolg, " +
        "rapportages en beheer, zijn nog niet onderzocht. Wij nemen ze op in deze verklaring zodra ze beschikbaar zijn.",
    ],
    contactHeading: "Problemen met toegankelijkheid melden",
    contact:
      "Loopt u tegen een toegankelijkheidsprobleem aan, of hebt u een vraag of opmerking? Neem dan contact op met " +
      "de functioneel beheerder van uw eigen organisatie. Die zorgt dat uw melding bij het beheerteam van het " +
      "Ketenportaal komt. U krijgt binnen 5 werkdagen een reactie.",
    ombudsman:
      "Bent u niet tevreden met de manier waarop uw melding is behandeld? Dan kunt u contact opnemen met de " +
      "Nationale ombudsman.",
    ombudsmanLink: "Website van de Nationale ombudsman",
  },

  errors: {
    notFoundTitle: "Pagina niet gevonden",
    notFoundText: "Deze pagina bestaat niet (meer). Controleer het adres of ga naar de startpagina.",
    forbiddenTitle: "Geen toegang",
    forbiddenText:
      "U heeft geen toegang tot deze pagina. Denkt u dat dit niet klopt? Neem contact op met uw beheerder.",
    genericTitle: "Er ging iets mis",
    genericText: "Door een fout kunnen wij deze pagina nu niet tonen. Probeer het later opnieuw.",
    requestId: "Foutcode voor de beheerder:",
    homeLink: "Naar de startpagina",
  },
} as const;

/** "Inloggen — Ketenportaal": the page name first, so screen reader users and tabs show what differs. */
export function pageTitle(page: string): string {
  return `${page} — ${nl.app.name}`;
}
