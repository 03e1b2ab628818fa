// What a form action sends back to re-fill its form after an error: the text as typed, so nothing is lost, but never
// much more than the field accepts. A 10 MB body posted to a 100,000-character field comes back as 100,000 characters
// and the "too long" message, not as a 10 MB response.

/** Slack past the limit, so the person still sees that their text is too long and where it was cut. */
const SLACK = 1000;

export function echoed(value: string, max: number): string {
  return value.length > max + SLACK ? value.slice(0, max + SLACK) : value;
}

export function echoedList(values: string[], maxItems = 50, maxLength = 200): string[] {
  return values.slice(0, maxItems).map((v) => echoed(v, maxLength));
}
