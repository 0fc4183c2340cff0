import { isCountryCode } from "@tenure/shared";

// English names (as they appear in real files, the UCI Online Retail set
// among them) → ISO 3166-1 alpha-2. Names with no single code ("European
// Community", "Channel Islands", "Unspecified") are deliberately absent.
const byName: Record<string, string> = {
  australia: "AU", austria: "AT", bahrain: "BH", belgium: "BE", brazil: "BR", canada: "CA",
  cyprus: "CY", "czech republic": "CZ", czechia: "CZ", denmark: "DK", eire: "IE", ireland: "IE",
  finland: "FI", france: "FR", germany: "DE", greece: "GR", "hong kong": "HK", iceland: "IS",
  israel: "IL", italy: "IT", japan: "JP", lebanon: "LB", lithuania: "LT", malta: "MT",
  netherlands: "NL", "the netherlands": "NL", norway: "NO", poland: "PL", portugal: "PT", rsa: "ZA",
  "south africa": "ZA", "saudi arabia": "SA", singapore: "SG", spain: "ES", sweden: "SE",
  switzerland: "CH", usa: "US", "united states": "US", "united states of america": "US",
  "united arab emirates": "AE", uae: "AE", "united kingdom": "GB", uk: "GB", "great britain": "GB",
  china: "CN", india: "IN", mexico: "MX", "new zealand": "NZ", russia: "RU", "south korea": "KR",
  luxembourg: "LU", hungary: "HU", romania: "RO", turkey: "TR", estonia: "EE", latvia: "LV",
  slovenia: "SI", slovakia: "SK", croatia: "HR", bulgaria: "BG", argentina: "AR", chile: "CL",
};

/**
 * The ISO 3166-1 alpha-2 code for a code ("gb", "GB") or an English country
 * name ("EIRE", "United Kingdom"); null when there is no single code.
 */
export function countryCodeOf(value: string): string | null {
  const trimmed = value.trim();
  const upper = trimmed.toUpperCase();
  if (upper.length === 2 && isCountryCode(upper)) return upper;
  return byName[trimmed.toLowerCase()] ?? null;
}
