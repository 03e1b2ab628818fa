/**
 * ISO 3166-1 alpha-2 countries and areas, with UN regional group and UN M49
 * development status.
 *
 * Sources and date basis:
 * - Codes: ISO 3166-1 alpha-2, the 249 officially assigned codes (list
 *   unchanged since BQ/CW/SX/SS were added in 2010–2011; checked as of 2024).
 *   User-assigned codes such as XK (Kosovo) are deliberately not included.
 * - English names: short names close to CLDR/UNTERM. They are a fallback only;
 *   the UI localises names with Intl.DisplayNames (see `countryName`).
 * - Regional groups: UN DGACM "United Nations Regional Groups of Member States"
 *   (193 Member States, situation as of 2024). Special cases:
 *   Türkiye participates in both the Asia-Pacific Group and WEOG but counts in
 *   WEOG for electoral purposes, so it is WEOG here; Israel is in WEOG;
 *   Kiribati joined the Asia-Pacific Group in 2010; the United States is an
 *   observer of WEOG, counted there for electoral purposes; the observer State
 *   of Palestine is a full member of the Asia-Pacific Group; the observer Holy
 *   See belongs to no group. Non-member territories are "NONE".
 *   Resulting sizes: African 54, Asia-Pacific 54 (+ Palestine), Eastern
 *   European 23, Latin American and Caribbean 33, WEOG 28 + United States.
 * - `developing`: UNSD M49 "Developed / Developing Countries" column of the
 *   M49 overview table as published before December 2021 (UNSD has since
 *   withdrawn the column, noting there is no established UN convention).
 *   Developed = Europe, Northern America (incl. Bermuda, Greenland, Saint
 *   Pierre and Miquelon), Australia and New Zealand (incl. Christmas, Cocos,
 *   Heard and McDonald, Norfolk Islands), Japan, Israel and Cyprus; everything
 *   else is developing. Not classified by M49: Antarctica (set to false) and
 *   Taiwan (not listed separately; set to true like the rest of Eastern Asia
 *   other than Japan).
 */

export const UN_REGIONS = [
  "AFRICAN",
  "ASIA_PACIFIC",
  "EASTERN_EUROPEAN",
  "LATIN_AMERICAN_AND_CARIBBEAN",
  "WESTERN_EUROPEAN_AND_OTHERS",
  "NONE",
] as const;

/** The UN regional group of a country (or NONE). */
export type CountryRegion = (typeof UN_REGIONS)[number];

/**
 * "ZZ", the ISO 3166 user-assigned code for an unknown country, for imported and transcribed inputs whose country
 * nobody knows. Never a country a person can choose (isCountryCode("ZZ") is false); its region is UNKNOWN.
 */
export const UNKNOWN_COUNTRY = "ZZ";

/** Every region an input can carry: the UN groups, NONE, then UNKNOWN (the country is not known), counted apart. */
export const INPUT_REGIONS = [...UN_REGIONS, "UNKNOWN"] as const;

/** The region of an input; the values match the Prisma enum `UnRegion`. */
export type UnRegion = (typeof INPUT_REGIONS)[number];

export function isKnownCountry(code: string): boolean {
  return code !== UNKNOWN_COUNTRY;
}

export interface Country {
  /** ISO 3166-1 alpha-2 code, upper case. */
  readonly code: string;
  /** English short name (fallback when Intl.DisplayNames has no name). */
  readonly name: string;
  readonly region: CountryRegion;
  /** UN M49 "developing" classification (see the header comment). */
  readonly developing: boolean;
}

const AFR = "AFRICAN" satisfies CountryRegion;
const APG = "ASIA_PACIFIC" satisfies CountryRegion;
const EEG = "EASTERN_EUROPEAN" satisfies CountryRegion;
const LAC = "LATIN_AMERICAN_AND_CARIBBEAN" satisfies CountryRegion;
const WEOG = "WESTERN_EUROPEAN_AND_OTHERS" satisfies CountryRegion;
const NONE = "NONE" satisfies CountryRegion;

export const COUNTRIES = [
  { code: "AD", name: "Andorra", region: WEOG, developing: false },
  { code: "AE", name: "United Arab Emirates", region: APG, developing: true },
  { code: "AF", name: "Afghanistan", region: APG, developing: true },
  { code: "AG", name: "Antigua and Barbuda", region: LAC, developing: true },
  { code: "AI", name: "Anguilla", region: NONE, developing: true },
  { code: "AL", name: "Albania", region: EEG, developing: false },
  { code: "AM", name: "Armenia", region: EEG, developing: true },
  { code: "AO", name: "Angola", region: AFR, developing: true },
  { code: "AQ", name: "Antarctica", region: NONE, developing: false },
  { code: "AR", name: "Argentina", region: LAC, developing: true },
  { code: "AS", name: "American Samoa", region: NONE, developing: true },
  { code: "AT", name: "Austria", region: WEOG, developing: false },
  { code: "AU", name: "Australia", region: WEOG, developing: false },
  { code: "AW", name: "Aruba", region: NONE, developing: true },
  { code: "AX", name: "Åland Islands", region: NONE, developing: false },
  { code: "AZ", name: "Azerbaijan", region: EEG, developing: true },
  { code: "BA", name: "Bosnia and Herzegovina", region: EEG, developing: false },
  { code: "BB", name: "Barbados", region: LAC, developing: true },
  { code: "BD", name: "Bangladesh", region: APG, developing: true },
  { code: "BE", name: "Belgium", region: WEOG, developing: false },
  { code: "BF", name: "Burkina Faso", region: AFR, developing: true },
  { code: "BG", name: "Bulgaria", region: EEG, developing: false },
  { code: "BH", name: "Bahrain", region: APG, developing: true },
  { code: "BI", name: "Burundi", region: AFR, developing: true },
  { code: "BJ", name: "Benin", region: AFR, developing: true },
  { code: "BL", name: "Saint Barthélemy", region: NONE, developing: true },
  { code: "BM", name: "Bermuda", region: NONE, developing: false },
  { code: "BN", name: "Brunei Darussalam", region: APG, developing: true },
  { code: "BO", name: "Bolivia", region: LAC, developing: true },
  { code: "BQ", name: "Bonaire, Sint Eustatius and Saba", region: NONE, developing: true },
  { code: "BR", name: "Brazil", region: LAC, developing: true },
  { code: "BS", name: "Bahamas", region: LAC, developing: true },
  { code: "BT", name: "Bhutan", region: APG, developing: true },
  { code: "BV", name: "Bouvet Island", region: NONE, developing: true },
  { code: "BW", name: "Botswana", region: AFR, developing: true },
  { code: "BY", name: "Belarus", region: EEG, developing: false },
  { code: "BZ", name: "Belize", region: LAC, developing: true },
  { code: "CA", name: "Canada", region: WEOG, developing: false },
  { code: "CC", name: "Cocos (Keeling) Islands", region: NONE, developing: false },
  { code: "CD", name: "Democratic Republic of the Congo", region: AFR, developing: true },
  { code: "CF", name: "Central African Republic", region: AFR, developing: true },
  { code: "CG", name: "Congo", region: AFR, developing: true },
  { code: "CH", name: "Switzerland", region: WEOG, developing: false },
  { code: "CI", name: "Côte d'Ivoire", region: AFR, developing: true },
  { code: "CK", name: "Cook Islands", region: NONE, developing: true },
  { code: "CL", name: "Chile", region: LAC, developing: true },
  { code: "CM", name: "Cameroon", region: AFR, developing: true },
  { code: "CN", name: "China", region: APG, developing: true },
  { code: "CO", name: "Colombia", region: LAC, developing: true },
  { code: "CR", name: "Costa Rica", region: LAC, developing: true },
  { code: "CU", name: "Cuba", region: LAC, developing: true },
  { code: "CV", name: "Cabo Verde", region: AFR, developing: true },
  { code: "CW", name: "Curaçao", region: NONE, developing: true },
  { code: "CX", name: "Christmas Island", region: NONE, developing: false },
  { code: "CY", name: "Cyprus", region: APG, developing: false },
  { code: "CZ", name: "Czechia", region: EEG, developing: false },
  { code: "DE", name: "Germany", region: WEOG, developing: false },
  { code: "DJ", name: "Djibouti", region: AFR, developing: true },
  { code: "DK", name: "Denmark", region: WEOG, developing: false },
  { code: "DM", name: "Dominica", region: LAC, developing: true },
  { code: "DO", name: "Dominican Republic", region: LAC, developing: true },
  { code: "DZ", name: "Algeria", region: AFR, developing: true },
  { code: "EC", name: "Ecuador", region: LAC, developing: true },
  { code: "EE", name: "Estonia", region: EEG, developing: false },
  { code: "EG", name: "Egypt", region: AFR, developing: true },
  { code: "EH", name: "Western Sahara", region: NONE, developing: true },
  { code: "ER", name: "Eritrea", region: AFR, developing: true },
  { code: "ES", name: "Spain", region: WEOG, developing: false },
  { code: "ET", name: "Ethiopia", region: AFR, developing: true },
  { code: "FI", name: "Finland", region: WEOG, developing: false },
  { code: "FJ", name: "Fiji", region: APG, developing: true },
  { code: "FK", name: "Falkland Islands (Malvinas)", region: NONE, developing: true },
  { code: "FM", name: "Micronesia (Federated States of)", region: APG, developing: true },
  { code: "FO", name: "Faroe Islands", region: NONE, developing: false },
  { code: "FR", name: "France", region: WEOG, developing: false },
  { code: "GA", name: "Gabon", region: AFR, developing: true },
  { code: "GB", name: "United Kingdom", region: WEOG, developing: false },
  { code: "GD", name: "Grenada", region: LAC, developing: true },
  { code: "GE", name: "Georgia", region: EEG, developing: true },
  { code: "GF", name: "French Guiana", region: NONE, developing: true },
  { code: "GG", name: "Guernsey", region: NONE, developing: false },
  { code: "GH", name: "Ghana", region: AFR, developing: true },
  { code: "GI", name: "Gibraltar", region: NONE, developing: false },
  { code: "GL", name: "Greenland", region: NONE, developing: false },
  { code: "GM", name: "Gambia", region: AFR, developing: true },
  { code: "GN", name: "Guinea", region: AFR, developing: true },
  { code: "GP", name: "Guadeloupe", region: NONE, developing: true },
  { code: "GQ", name: "Equatorial Guinea", region: AFR, developing: true },
  { code: "GR", name: "Greece", region: WEOG, developing: false },
  { code: "GS", name: "South Georgia and the South Sandwich Islands", region: NONE, developing: true },
  { code: "GT", name: "Guatemala", region: LAC, developing: true },
  { code: "GU", name: "Guam", region: NONE, developing: true },
  { code: "GW", name: "Guinea-Bissau", region: AFR, developing: true },
  { code: "GY", name: "Guyana", region: LAC, developing: true },
  { code: "HK", name: "Hong Kong", region: NONE, developing: true },
  { code: "HM", name: "Heard Island and McDonald Islands", region: NONE, developing: false },
  { code: "HN", name: "Honduras", region: LAC, developing: true },
  { code: "HR", name: "Croatia", region: EEG, developing: false },
  { code: "HT", name: "Haiti", region: LAC, developing: true },
  { code: "HU", name: "Hungary", region: EEG, developing: false },
  { code: "ID", name: "Indonesia", region: APG, developing: true },
  { code: "IE", name: "Ireland", region: WEOG, developing: false },
  { code: "IL", name: "Israel", region: WEOG, developing: false },
  { code: "IM", name: "Isle of Man", region: NONE, developing: false },
  { code: "IN", name: "India", region: APG, developing: true },
  { code: "IO", name: "British Indian Ocean Territory", region: NONE, developing: true },
  { code: "IQ", name: "Iraq", region: APG, developing: true },
  { code: "IR", name: "Iran", region: APG, developing: true },
  { code: "IS", name: "Iceland", region: WEOG, developing: false },
  { code: "IT", name: "Italy", region: WEOG, developing: false },
  { code: "JE", name: "Jersey", region: NONE, developing: false },
  { code: "JM", name: "Jamaica", region: LAC, developing: true },
  { code: "JO", name: "Jordan", region: APG, developing: true },
  { code: "JP", name: "Japan", region: APG, developing: false },
  { code: "KE", name: "Kenya", region: AFR, developing: true },
  { code: "KG", name: "Kyrgyzstan", region: APG, developing: true },
  { code: "KH", name: "Cambodia", region: APG, developing: true },
  { code: "KI", name: "Kiribati", region: APG, developing: true },
  { code: "KM", name: "Comoros", region: AFR, developing: true },
  { code: "KN", name: "Saint Kitts and Nevis", region: LAC, developing: true },
  { code: "KP", name: "North Korea", region: APG, developing: true },
  { code: "KR", name: "South Korea", region: APG, developing: true },
  { code: "KW", name: "Kuwait", region: APG, developing: true },
  { code: "KY", name: "Cayman Islands", region: NONE, developing: true },
  { code: "KZ", name: "Kazakhstan", region: APG, developing: true },
  { code: "LA", name: "Laos", region: APG, developing: true },
  { code: "LB", name: "Lebanon", region: APG, developing: true },
  { code: "LC", name: "Saint Lucia", region: LAC, developing: true },
  { code: "LI", name: "Liechtenstein", region: WEOG, developing: false },
  { code: "LK", name: "Sri Lanka", region: APG, developing: true },
  { code: "LR", name: "Liberia", region: AFR, developing: true },
  { code: "LS", name: "Lesotho", region: AFR, developing: true },
  { code: "LT", name: "Lithuania", region: EEG, developing: false },
  { code: "LU", name: "Luxembourg", region: WEOG, developing: false },
  { code: "LV", name: "Latvia", region: EEG, developing: false },
  { code: "LY", name: "Libya", region: AFR, developing: true },
  { code: "MA", name: "Morocco", region: AFR, developing: true },
  { code: "MC", name: "Monaco", region: WEOG, developing: false },
  { code: "MD", name: "Moldova", region: EEG, developing: false },
  { code: "ME", name: "Montenegro", region: EEG, developing: false },
  { code: "MF", name: "Saint Martin (French part)", region: NONE, developing: true },
  { code: "MG", name: "Madagascar", region: AFR, developing: true },
  { code: "MH", name: "Marshall Islands", region: APG, developing: true },
  { code: "MK", name: "North Macedonia", region: EEG, developing: false },
  { code: "ML", name: "Mali", region: AFR, developing: true },
  { code: "MM", name: "Myanmar", region: APG, developing: true },
  { code: "MN", name: "Mongolia", region: APG, developing: true },
  { code: "MO", name: "Macao", region: NONE, developing: true },
  { code: "MP", name: "Northern Mariana Islands", region: NONE, developing: true },
  { code: "MQ", name: "Martinique", region: NONE, developing: true },
  { code: "MR", name: "Mauritania", region: AFR, developing: true },
  { code: "MS", name: "Montserrat", region: NONE, developing: true },
  { code: "MT", name: "Malta", region: WEOG, developing: false },
  { code: "MU", name: "Mauritius", region: AFR, developing: true },
  { code: "MV", name: "Maldives", region: APG, developing: true },
  { code: "MW", name: "Malawi", region: AFR, developing: true },
  { code: "MX", name: "Mexico", region: LAC, developing: true },
  { code: "MY", name: "Malaysia", region: APG, developing: true },
  { code: "MZ", name: "Mozambique", region: AFR, developing: true },
  { code: "NA", name: "Namibia", region: AFR, developing: true },
  { code: "NC", name: "New Caledonia", region: NONE, developing: true },
  { code: "NE", name: "Niger", region: AFR, developing: true },
  { code: "NF", name: "Norfolk Island", region: NONE, developing: false },
  { code: "NG", name: "Nigeria", region: AFR, developing: true },
  { code: "NI", name: "Nicaragua", region: LAC, developing: true },
  { code: "NL", name: "Netherlands", region: WEOG, developing: false },
  { code: "NO", name: "Norway", region: WEOG, developing: false },
  { code: "NP", name: "Nepal", region: APG, developing: true },
  { code: "NR", name: "Nauru", region: APG, developing: true },
  { code: "NU", name: "Niue", region: NONE, developing: true },
  { code: "NZ", name: "New Zealand", region: WEOG, developing: false },
  { code: "OM", name: "Oman", region: APG, developing: true },
  { code: "PA", name: "Panama", region: LAC, developing: true },
  { code: "PE", name: "Peru", region: LAC, developing: true },
  { code: "PF", name: "French Polynesia", region: NONE, developing: true },
  { code: "PG", name: "Papua New Guinea", region: APG, developing: true },
  { code: "PH", name: "Philippines", region: APG, developing: true },
  { code: "PK", name: "Pakistan", region: APG, developing: true },
  { code: "PL", name: "Poland", region: EEG, developing: false },
  { code: "PM", name: "Saint Pierre and Miquelon", region: NONE, developing: false },
  { code: "PN", name: "Pitcairn", region: NONE, developing: true },
  { code: "PR", name: "Puerto Rico", region: NONE, developing: true },
  { code: "PS", name: "Palestine", region: APG, developing: true },
  { code: "PT", name: "Portugal", region: WEOG, developing: false },
  { code: "PW", name: "Palau", region: APG, developing: true },
  { code: "PY", name: "Paraguay", region: LAC, developing: true },
  { code: "QA", name: "Qatar", region: APG, developing: true },
  { code: "RE", name: "Réunion", region: NONE, developing: true },
  { code: "RO", name: "Romania", region: EEG, developing: false },
  { code: "RS", name: "Serbia", region: EEG, developing: false },
  { code: "RU", name: "Russia", region: EEG, developing: false },
  { code: "RW", name: "Rwanda", region: AFR, developing: true },
  { code: "SA", name: "Saudi Arabia", region: APG, developing: true },
  { code: "SB", name: "Solomon Islands", region: APG, developing: true },
  { code: "SC", name: "Seychelles", region: AFR, developing: true },
  { code: "SD", name: "Sudan", region: AFR, developing: true },
  { code: "SE", name: "Sweden", region: WEOG, developing: false },
  { code: "SG", name: "Singapore", region: APG, developing: true },
  { code: "SH", name: "Saint Helena, Ascension and Tristan da Cunha", region: NONE, developing: true },
  { code: "SI", name: "Slovenia", region: EEG, developing: false },
  { code: "SJ", name: "Svalbard and Jan Mayen", region: NONE, developing: false },
  { code: "SK", name: "Slovakia", region: EEG, developing: false },
  { code: "SL", name: "Sierra Leone", region: AFR, developing: true },
  { code: "SM", name: "San Marino", region: WEOG, developing: false },
  { code: "SN", name: "Senegal", region: AFR, developing: true },
  { code: "SO", name: "Somalia", region: AFR, developing: true },
  { code: "SR", name: "Suriname", region: LAC, developing: true },
  { code: "SS", name: "South Sudan", region: AFR, developing: true },
  { code: "ST", name: "São Tomé and Príncipe", region: AFR, developing: true },
  { code: "SV", name: "El Salvador", region: LAC, developing: true },
  { code: "SX", name: "Sint Maarten (Dutch part)", region: NONE, developing: true },
  { code: "SY", name: "Syria", region: APG, developing: true },
  { code: "SZ", name: "Eswatini", region: AFR, developing: true },
  { code: "TC", name: "Turks and Caicos Islands", region: NONE, developing: true },
  { code: "TD", name: "Chad", region: AFR, developing: true },
  { code: "TF", name: "French Southern Territories", region: NONE, developing: true },
  { code: "TG", name: "Togo", region: AFR, developing: true },
  { code: "TH", name: "Thailand", region: APG, developing: true },
  { code: "TJ", name: "Tajikistan", region: APG, developing: true },
  { code: "TK", name: "Tokelau", region: NONE, developing: true },
  { code: "TL", name: "Timor-Leste", region: APG, developing: true },
  { code: "TM", name: "Turkmenistan", region: APG, developing: true },
  { code: "TN", name: "Tunisia", region: AFR, developing: true },
  { code: "TO", name: "Tonga", region: APG, developing: true },
  { code: "TR", name: "Türkiye", region: WEOG, developing: true },
  { code: "TT", name: "Trinidad and Tobago", region: LAC, developing: true },
  { code: "TV", name: "Tuvalu", region: APG, developing: true },
  { code: "TW", name: "Taiwan", region: NONE, developing: true },
  { code: "TZ", name: "Tanzania", region: AFR, developing: true },
  { code: "UA", name: "Ukraine", region: EEG, developing: false },
  { code: "UG", name: "Uganda", region: AFR, developing: true },
  { code: "UM", name: "United States Minor Outlying Islands", region: NONE, developing: true },
  { code: "US", name: "United States", region: WEOG, developing: false },
  { code: "UY", name: "Uruguay", region: LAC, developing: true },
  { code: "UZ", name: "Uzbekistan", region: APG, developing: true },
  { code: "VA", name: "Holy See", region: NONE, developing: false },
  { code: "VC", name: "Saint Vincent and the Grenadines", region: LAC, developing: true },
  { code: "VE", name: "Venezuela", region: LAC, developing: true },
  { code: "VG", name: "British Virgin Islands", region: NONE, developing: true },
  { code: "VI", name: "United States Virgin Islands", region: NONE, developing: true },
  { code: "VN", name: "Viet Nam", region: APG, developing: true },
  { code: "VU", name: "Vanuatu", region: APG, developing: true },
  { code: "WF", name: "Wallis and Futuna", region: NONE, developing: true },
  { code: "WS", name: "Samoa", region: APG, developing: true },
  { code: "YE", name: "Yemen", region: APG, developing: true },
  { code: "YT", name: "Mayotte", region: NONE, developing: true },
  { code: "ZA", name: "South Africa", region: AFR, developing: true },
  { code: "ZM", name: "Zambia", region: AFR, developing: true },
  { code: "ZW", name: "Zimbabwe", region: AFR, developing: true },
] as const satisfies readonly Country[];

/** Union of the 249 ISO 3166-1 alpha-2 codes in the table. */
export type CountryCode = (typeof COUNTRIES)[number]["code"];

const BY_CODE: ReadonlyMap<string, Country> = new Map(
  COUNTRIES.map((country): [string, Country] => [country.code, country]),
);

/**
 * Looks a country up by ISO 3166-1 alpha-2 code, case-insensitively
 * (surrounding whitespace is ignored). Returns undefined for unknown codes.
 * `getCountry(input)?.code` yields the canonical upper-case code.
 */
export function getCountry(code: string): Country | undefined {
  return BY_CODE.get(code.trim().toUpperCase());
}

/** True if `code` is an assigned ISO 3166-1 alpha-2 code (case-insensitive). */
export function isCountryCode(code: string): boolean {
  return getCountry(code) !== undefined;
}

function requireCountry(code: string): Country {
  const country = getCountry(code);
  if (country === undefined) {
    throw new Error(`Unknown ISO 3166-1 alpha-2 country code: ${JSON.stringify(code)}`);
  }
  return country;
}

/** UN regional group of a country (UNKNOWN for UNKNOWN_COUNTRY); throws for other unknown codes. */
export function regionOf(code: string): UnRegion {
  if (code === UNKNOWN_COUNTRY) return "UNKNOWN";
  return requireCountry(code).region;
}

/**
 * The country facts an input keeps about its author (snapshotted, so later profile edits change nothing).
 * An unknown country has region UNKNOWN and counts as neither developing nor developed (dashboards tell it apart
 * by its region).
 */
export function placeOf(code: string): { country: string; region: UnRegion; developing: boolean } {
  if (code === UNKNOWN_COUNTRY) return { country: UNKNOWN_COUNTRY, region: "UNKNOWN", developing: false };
  return { country: code, region: regionOf(code), developing: isDevelopingCountry(code) };
}

/** UN M49 developing-region status of a country (false for UNKNOWN_COUNTRY); throws for other unknown codes. */
export function isDevelopingCountry(code: string): boolean {
  if (code === UNKNOWN_COUNTRY) return false;
  return requireCountry(code).developing;
}

const displayNamesCache = new Map<string, Intl.DisplayNames | null>();

function displayNamesFor(locale: string): Intl.DisplayNames | null {
  const cached = displayNamesCache.get(locale);
  if (cached !== undefined) return cached;
  let displayNames: Intl.DisplayNames | null;
  try {
    displayNames = new Intl.DisplayNames([locale], { type: "region", fallback: "none" });
  } catch {
    // Malformed locale tag (RangeError): fall back to the English names.
    displayNames = null;
  }
  displayNamesCache.set(locale, displayNames);
  return displayNames;
}

/**
 * Localised country name via Intl.DisplayNames, falling back to the English
 * short name when the runtime has no name for the code or the locale tag is
 * invalid. UNKNOWN_COUNTRY reads "Country not known"; throws for other unknown codes.
 */
export function countryName(code: string, locale: string): string {
  if (code === UNKNOWN_COUNTRY) return unknownCountryName(locale);
  const country = requireCountry(code);
  const localised = displayNamesFor(locale)?.of(country.code);
  return localised !== undefined && localised !== "" && localised !== country.code
    ? localised
    : country.name;
}

// The one name Intl.DisplayNames has no good word for ("Unknown Region"), in the platform's languages.
const UNKNOWN_COUNTRY_NAMES: Record<string, string> = {
  en: "Country not known",
  fr: "Pays inconnu",
  ar: "البلد غير معروف",
  es: "País desconocido",
  ru: "Страна неизвестна",
  zh: "国家不明",
};

function unknownCountryName(locale: string): string {
  return UNKNOWN_COUNTRY_NAMES[locale.split("-")[0]?.toLowerCase() ?? "en"] ?? "Country not known";
}

const collatorCache = new Map<string, Intl.Collator>();

function collatorFor(locale: string): Intl.Collator {
  const cached = collatorCache.get(locale);
  if (cached !== undefined) return cached;
  let collator: Intl.Collator;
  try {
    collator = new Intl.Collator([locale]);
  } catch {
    collator = new Intl.Collator(["en"]);
  }
  collatorCache.set(locale, collator);
  return collator;
}

/** All countries as `{ code, name }` with localised names, sorted for `locale`. */
export function countryOptions(locale: string): { code: string; name: string }[] {
  const collator = collatorFor(locale);
  return COUNTRIES.map((country) => ({ code: country.code, name: countryName(country.code, locale) })).sort(
    (a, b) => collator.compare(a.name, b.name) || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}
