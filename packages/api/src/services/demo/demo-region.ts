import type { OrganisationKind, Role } from "../auth/principal";

/** VT Kennemerland and its partners: the demo region of the embedded default. Fictitious people and OINs. */
export const DEMO_PASSWORD = "ketenportaal-demo";

export const demoRegions = [
  {
    slug: "haarlem-eo",
    name: "Haarlem e.o.",
    municipalities: [
      { code: "GM0392", name: "Haarlem" },
      { code: "GM0473", name: "Zandvoort" },
      { code: "GM0377", name: "Bloemendaal" },
      { code: "GM0397", name: "Heemstede" },
    ],
    contact: "coordinator.haarlem@vt-kennemerland.example",
  },
  {
    slug: "haarlemmermeer",
    name: "Haarlemmermeer",
    municipalities: [{ code: "GM0394", name: "Haarlemmermeer" }],
    contact: "coordinator.haarlemmermeer@vt-kennemerland.example",
  },
  {
    slug: "ijmond",
    name: "IJmond",
    municipalities: [
      { code: "GM0453", name: "Velsen" },
      { code: "GM0375", name: "Beverwijk" },
      { code: "GM0396", name: "Heemskerk" },
    ],
    contact: "coordinator.ijmond@vt-kennemerland.example",
  },
] as const;

type DemoOrganisation = {
  slug: string;
  name: string;
  kind: OrganisationKind;
  oin: string;
  /** A gemeente's organisation: the gemeente whose report its beleidsmedewerkers see. */
  municipalityCode?: string;
  teams: { name: string; email: string; municipalities: string[] }[];
};

export const demoOrganisations: DemoOrganisation[] = [
  {
    slug: "vt-kennemerland",
    name: "Veilig Thuis Kennemerland",
    kind: "vt",
    oin: "00000009999999990001",
    teams: [
      {
        name: "Team Haarlem e.o.",
        email: "team.haarlem@vt-kennemerland.example",
        municipalities: ["GM0392", "GM0473", "GM0377", "GM0397"],
      },
      { name: "Team Haarlemmermeer", email: "team.haarlemmermeer@vt-kennemerland.example", municipalities: ["GM0394"] },
      {
        name: "Team IJmond",
        email: "team.ijmond@vt-kennemerland.example",
        municipalities: ["GM0453", "GM0375", "GM0396"],
      },
    ],
  },
  {
    slug: "swt-haarlem",
    name: "Sociaal Wijkteam Haarlem",
    kind: "local_team",
    oin: "00000009999999990002",
    teams: [
      { name: "Wijkteam Haarlem", email: "aanmelden@swt-haarlem.example", municipalities: ["GM0392"] },
      {
        name: "Wijkteam Zuid-Kennemerland",
        email: "zuid-kennemerland@swt-haarlem.example",
        municipalities: ["GM0473", "GM0377", "GM0397"],
      },
    ],
  },
  {
    slug: "cjg-haarlemmermeer",
    name: "CJG Haarlemmermeer",
    kind: "cjg",
    oin: "00000009999999990003",
    teams: [{ name: "CJG Haarlemmermeer", email: "aanmelden@cjg-haarlemmermeer.example", municipalities: ["GM0394"] }],
  },
  {
    slug: "wijkteam-velsen",
    name: "Sociaal Wijkteam Velsen",
    kind: "local_team",
    oin: "00000009999999990004",
    teams: [
      { name: "Wijkteam Velsen", email: "aanmelden@wijkteam-velsen.example", municipalities: ["GM0453"] },
      {
        name: "Wijkteam Beverwijk-Heemskerk",
        email: "beverwijk-heemskerk@wijkteam-velsen.example",
        municipalities: ["GM0375", "GM0396"],
      },
    ],
  },
  {
    slug: "jb-kennemerland",
    name: "Jeugdbescherming Kennemerland",
    kind: "youth_protection",
    oin: "00000009999999990005",
    teams: [
      {
        name: "Team Jeugdbescherming Kennemerland",
        email: "aanmeldingen@jb-kennemerland.example",
        municipalities: ["GM0392", "GM0473", "GM0377", "GM0397", "GM0394", "GM0453", "GM0375", "GM0396"],
      },
    ],
  },
  {
    slug: "gemeente-haarlem",
    name: "Gemeente Haarlem",
    kind: "municipality",
    oin: "00000009999999990006",
    municipalityCode: "GM0392",
    teams: [],
  },
];

export const demoUsers: { email: string; name: string; organisation: string; team: string | null; role: Role }[] = [
  {
    email: "beheer@vt-kennemerland.example",
    name: "Bram Beheer",
    organisation: "vt-kennemerland",
    team: null,
    role: "functional_admin",
  },
  {
    email: "medewerker@vt-kennemerland.example",
    name: "Mira de Vries",
    organisation: "vt-kennemerland",
    team: "Team Haarlem e.o.",
    role: "vt_worker",
  },
  {
    email: "coordinator.haarlem@vt-kennemerland.example",
    name: "Hanna Jansen",
    organisation: "vt-kennemerland",
    team: "Team Haarlem e.o.",
    role: "team_coordinator",
  },
  {
    email: "coordinator.haarlemmermeer@vt-kennemerland.example",
    name: "Mehmet Yilmaz",
    organisation: "vt-kennemerland",
    team: "Team Haarlemmermeer",
    role: "team_coordinator",
  },
  {
    email: "coordinator.ijmond@vt-kennemerland.example",
    name: "Ingrid Bakker",
    organisation: "vt-kennemerland",
    team: "Team IJmond",
    role: "team_coordinator",
  },
  {
    email: "medewerker@swt-haarlem.example",
    name: "Sanne Visser",
    organisation: "swt-haarlem",
    team: "Wijkteam Haarlem",
    role: "partner_worker",
  },
  {
    email: "coordinator@swt-haarlem.example",
    name: "Karim El Amrani",
    organisation: "swt-haarlem",
    team: "Wijkteam Haarlem",
    role: "partner_coordinator",
  },
  {
    email: "medewerker@cjg-haarlemmermeer.example",
    name: "Charlotte Smit",
    organisation: "cjg-haarlemmermeer",
    team: "CJG Haarlemmermeer",
    role: "partner_worker",
  },
  {
    email: "medewerker@wijkteam-velsen.example",
    name: "Wouter de Boer",
    organisation: "wijkteam-velsen",
    team: "Wijkteam Velsen",
    role: "partner_worker",
  },
  {
    email: "medewerker@jb-kennemerland.example",
    name: "Joyce Mulder",
    organisation: "jb-kennemerland",
    team: "Team Jeugdbescherming Kennemerland",
    role: "partner_worker",
  },
  {
    email: "beleid@gemeente-haarlem.example",
    name: "Gerard Hendriks",
    organisation: "gemeente-haarlem",
    team: null,
    role: "policy_officer",
  },
];
