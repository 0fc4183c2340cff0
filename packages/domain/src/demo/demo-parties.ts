import type { Role } from "@tenure/shared";
import type { DemoContactRow, DemoCustomerRow, DemoUserRow } from "./demo-dataset.ts";
import { demoCountries, type DemoCountry } from "./demo-countries.ts";
import { demoId } from "./demo-id.ts";
import { asciiSlug, demoPersonName } from "./demo-names.ts";
import type { SeededRandom } from "./seeded-random.ts";

/** Staff of Demo Co: reps who own accounts, and one of each other role. */
export function demoUsers(random: SeededRandom, createdAt: Date, reps: number): DemoUserRow[] {
  const staff: [Role, string][] = [
    ...Array.from({ length: reps }, (): [Role, string] => ["rep", "Account Executive"]),
    ["manager", "Head of Customer Success"],
    ["analyst", "Customer Insights Analyst"],
    ["agent", "Support Specialist"],
    ["admin", "Operations Administrator"],
  ];
  const emails = new Set<string>();
  return staff.map(([role, title]) => {
    const name = demoPersonName("en", random);
    const email = uniqueEmail(emails, `${name.given}.${name.family}`, "democo.example.com", random);
    return { id: demoId("user", createdAt, random), email, name: name.display, role, title, locale: "en" };
  });
}

const industries: readonly (readonly [string, readonly string[]])[] = [
  ["Cafés & restaurants", ["Café", "Coffee House", "Bistro", "Kitchen"]],
  ["Hospitality", ["Hotels", "Inns", "Hospitality Group"]],
  ["Offices & coworking", ["Workspace", "Coworking", "Offices"]],
  ["Healthcare", ["Clinic", "Medical Center", "Health"]],
  ["Education", ["College", "Academy", "Schools"]],
  ["Retail", ["Stores", "Market", "Retail"]],
  ["Manufacturing", ["Manufacturing", "Industries", "Works"]],
  ["Software", ["Software", "Labs", "Digital"]],
  ["Finance", ["Capital", "Partners", "Financial"]],
  ["Logistics", ["Logistics", "Freight", "Transport"]],
];
const companyWords = [
  "Northwind", "Blue Harbor", "Summit", "Evergreen", "Red Rock", "Silver Lake", "Maple", "Granite", "Riverside", "Oakridge",
  "Pinecrest", "Lakeside", "Sunrise", "Ironwood", "Cedar", "Brightwater", "Highland", "Westbrook", "Stonebridge", "Clearview",
  "Fairmont", "Kingsley", "Bluebird", "Crescent", "Falcon", "Horizon", "Juniper", "Meridian", "Sakura", "Aurora",
];
/** Size bands with weight and a spend multiplier. */
export const sizeBands: readonly (readonly [string, number, number])[] = [
  ["1-10", 30, 0.5],
  ["11-50", 30, 1],
  ["51-200", 22, 1.8],
  ["201-1000", 12, 3],
  ["1000+", 6, 5],
];
const contactRoles: readonly (readonly [string, string])[] = [
  ["Office Manager", "decision_maker"],
  ["Procurement Manager", "billing"],
  ["Head of Operations", "decision_maker"],
  ["Finance Director", "billing"],
  ["Café Manager", "user"],
  ["Facilities Coordinator", "user"],
  ["IT Manager", "technical"],
  ["Owner", "decision_maker"],
];

/** Draw names and addresses that are unique within the workspace. */
export class DemoPartyFactory {
  readonly #random: SeededRandom;
  readonly #emails = new Set<string>();
  readonly #companyNames = new Set<string>();

  constructor(random: SeededRandom) {
    this.#random = random;
  }

  /** A B2B account owned by one of `reps`, with 1–4 contacts. */
  organisation(index: number, firstSeenAt: Date, reps: readonly DemoUserRow[]): { customer: DemoCustomerRow; contacts: DemoContactRow[] } {
    const random = this.#random;
    const country = random.weighted(demoCountries.map((c) => [c, c.b2bWeight] as const));
    const [industry, nouns] = random.pick(industries);
    const baseName = `${random.pick(companyWords)} ${random.pick(nouns)}`;
    let name = `${baseName} ${random.pick(country.companySuffixes)}`;
    for (let n = 2; this.#companyNames.has(name); n++) name = `${baseName} ${n} ${random.pick(country.companySuffixes)}`;
    this.#companyNames.add(name);
    const domain = `${asciiSlug(name)}.example.com`;
    const [sizeBand] = random.weighted(sizeBands.map((band) => [band, band[1]] as const));
    const owner = random.pick(reps);
    const customer: DemoCustomerRow = {
      id: demoId("customer", firstSeenAt, random),
      externalId: `C-${String(index).padStart(6, "0")}`,
      kind: "organization",
      name,
      email: uniqueEmail(this.#emails, "accounts", domain, random),
      phone: this.#phone(country),
      country: country.code,
      timeZone: random.weighted(country.timeZones),
      locale: country.locale,
      accountType: random.weighted([["direct", 75], ["reseller", 15], ["franchise", 10]]),
      industry,
      sizeBand,
      ownerUserId: owner.id,
      firstSeenAt,
      attributes: { website: `https://${domain}`, employees: employeesFor(sizeBand, random) },
    };
    const count = random.weighted([[1, 35], [2, 35], [3, 20], [4, 10]]);
    const contacts = Array.from({ length: count }, (_, i): DemoContactRow => {
      const person = demoPersonName(country.locale, random);
      const [title, role] = random.pick(contactRoles);
      return {
        id: demoId("contact", firstSeenAt, random),
        customerId: customer.id,
        name: person.display,
        email: uniqueEmail(this.#emails, `${person.given}.${person.family}`, domain, random),
        phone: this.#phone(country),
        title,
        role,
        locale: country.locale,
        isPrimary: i === 0,
        createdAt: firstSeenAt,
      };
    });
    return { customer, contacts };
  }

  /** A B2C buyer with a name, time zone and locale matching the country. */
  person(index: number, firstSeenAt: Date): DemoCustomerRow {
    const random = this.#random;
    const country = random.weighted(demoCountries.map((c) => [c, c.b2cWeight] as const));
    const person = demoPersonName(country.locale, random);
    const domain = random.pick(["example.com", "example.net", "example.org"]);
    return {
      id: demoId("customer", firstSeenAt, random),
      externalId: `C-${String(index).padStart(6, "0")}`,
      kind: "person",
      name: person.display,
      email: uniqueEmail(this.#emails, `${person.given}.${person.family}`, domain, random),
      phone: random.chance(0.6) ? this.#phone(country) : null,
      country: country.code,
      timeZone: random.weighted(country.timeZones),
      locale: country.locale,
      accountType: null,
      industry: null,
      sizeBand: null,
      ownerUserId: null,
      firstSeenAt,
      attributes: {
        acquisitionChannel: random.weighted([["web", 55], ["marketplace", 20], ["store", 15], ["referral", 10]]),
        marketingOptIn: random.chance(0.45),
      },
    };
  }

  #phone(country: DemoCountry): string {
    const digits = Array.from({ length: 9 }, () => this.#random.int(0, 9)).join("");
    return `${country.phonePrefix} ${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  }
}

function employeesFor(sizeBand: string, random: SeededRandom): number {
  const [low, high] = sizeBand === "1000+" ? [1000, 8000] : sizeBand.split("-").map(Number);
  return random.int(low ?? 1, high ?? 10);
}

/** local@domain, made unique with a number if taken. */
function uniqueEmail(taken: Set<string>, local: string, domain: string, random: SeededRandom): string {
  let email = `${local}@${domain}`;
  while (taken.has(email)) email = `${local}${random.int(1, 9999)}@${domain}`;
  taken.add(email);
  return email;
}
