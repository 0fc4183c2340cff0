/**
 * Format checks for personal and contact fields, shared by the zod schemas at
 * the HTTP edge (packages/api-schemas) and the domain rules behind the use
 * cases, so both refuse exactly the same values.
 */

// ISO 3166-1 alpha-2, the 249 officially assigned codes.
const countryCodes = new Set(
  (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ " +
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR " +
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO " +
    "JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR " +
    "MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO " +
    "RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV " +
    "TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"
  ).split(" "),
);

/** True for an assigned ISO 3166-1 alpha-2 country code in capitals ("DE", not "de" or "UK"). */
export function isCountryCode(value: string): boolean {
  return countryCodes.has(value);
}

// Deliberately simple: one @, no spaces, a dot in the domain. Deliverability
// is not knowable from the syntax; this catches typing and mapping mistakes.
const emailPattern = /^[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+$/;

/** True for a plausible e-mail address (at most 254 characters). */
export function isEmailAddress(value: string): boolean {
  return value.length <= 254 && emailPattern.test(value);
}

/** True for a well-formed BCP 47 language tag such as "en", "ja-JP" or "zh-Hant-TW". */
export function isLocaleTag(value: string): boolean {
  if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(value)) return false;
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

let timeZones: Set<string> | null = null;

/** True for an IANA time zone name the runtime knows ("Europe/Paris", "UTC"). */
export function isTimeZone(value: string): boolean {
  timeZones ??= new Set([...Intl.supportedValuesOf("timeZone"), "UTC", "Etc/UTC"]);
  return timeZones.has(value);
}
