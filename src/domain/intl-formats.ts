// Building an Intl formatter costs some fifty times what using one does, and a page formats many
// values (an exhibition's day strip, 120 dates): one formatter per language and options, kept. The
// keys are few (three languages, the venue's zone and currency, a handful of styles). A pure memo:
// a copy of it per module copy changes nothing but memory.
// eslint-disable-next-line no-restricted-syntax
const dateFormats = new Map<string, Intl.DateTimeFormat>();
// eslint-disable-next-line no-restricted-syntax
const numberFormats = new Map<string, Intl.NumberFormat>();

function memo<F>(kept: Map<string, F>, key: string, make: () => F): F {
  let found = kept.get(key);
  if (!found) {
    found = make();
    kept.set(key, found);
  }
  return found;
}

/**
 * A formatter kept under a key the caller makes cheaply: the venue's date and clock run on every
 * booking, where turning the options into a key would cost more than the formatting itself.
 */
export const keptDateTimeFormat = (key: string, make: () => Intl.DateTimeFormat) => memo(dateFormats, key, make);

export const dateTimeFormat = (tag: string, options: Intl.DateTimeFormatOptions) => keptDateTimeFormat(`${tag} ${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(tag, options));

export const numberFormat = (tag: string, options: Intl.NumberFormatOptions) => memo(numberFormats, `${tag} ${JSON.stringify(options)}`, () => new Intl.NumberFormat(tag, options));
