import {
  fillText,
  isRatingType,
  localize,
  ratingScales,
  surveyTexts,
  type AnswerProblem,
  type RawSurveyAnswers,
  type Survey,
  type SurveyLocale,
  type SurveyPageTexts,
  type SurveyQuestion,
} from "@tenure/domain";

/** The policy of the public survey pages: their own inline style, forms posting back to this server, nothing else. */
export const surveyPagePolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

const style = `body{font:17px/1.5 system-ui,sans-serif;max-width:36rem;margin:1.5rem auto;padding:0 1rem;color:#1f2933}
fieldset{border:1px solid #cbd2d9;border-radius:8px;margin:0 0 1.25rem;padding:.75rem 1rem}
legend{font-weight:600;padding:0 .25rem}
.scale{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0}
.scale label{display:flex;flex-direction:column;align-items:center;min-width:2.6rem;padding:.35rem;border:1px solid #9aa5b1;border-radius:6px}
.ends{display:flex;justify-content:space-between;font-size:.85rem;color:#52606d}
.error{color:#b42318;font-weight:600}
textarea{width:100%;min-height:6rem;font:inherit}
button{font:inherit;padding:.6rem 1.5rem;border-radius:6px;border:0;background:#1f6feb;color:#fff}
:focus-visible{outline:3px solid #f5a524;outline-offset:2px}`;

/** HTML-escape text for element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The page around its body: [before, after]. */
function layout(locale: SurveyLocale, title: string): readonly [string, string] {
  const before = `<!doctype html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<main>
`;
  return [before, "\n</main>\n</body>\n</html>\n"];
}

type MessageKind = "thanks" | "used" | "expired" | "invalid" | "tooMany";

const messagePages = new Map<string, string>();

/** A page with a heading and one paragraph: thanks, used, expired, invalid, too many requests. Each is built once per language. */
export function messagePage(locale: SurveyLocale, kind: MessageKind): string {
  const key = `${locale}/${kind}`;
  let page = messagePages.get(key);
  if (page === undefined) {
    page = renderMessagePage(locale, kind);
    messagePages.set(key, page);
  }
  return page;
}

function renderMessagePage(locale: SurveyLocale, kind: MessageKind): string {
  const t = surveyTexts[locale].page;
  const pages: Record<typeof kind, [string, string]> = {
    thanks: [t.thanksTitle, t.thanksBody],
    used: [t.usedTitle, t.usedBody],
    expired: [t.expiredTitle, t.expiredBody],
    invalid: [t.invalidTitle, t.invalidBody],
    tooMany: [t.tooManyTitle, t.tooManyBody],
  };
  const [title, body] = pages[kind];
  const [before, after] = layout(locale, title);
  return `${before}<h1>${escapeHtml(title)}</h1>\n<p>${escapeHtml(body)}</p>${after}`;
}

interface SurveyForm {
  survey: Survey;
  locale: SurveyLocale;
  company: string;
  values?: RawSurveyAnswers;
  problems?: readonly AnswerProblem[];
}

/**
 * The survey form: one fieldset per question (radio groups for scales and
 * single choices, checkboxes for multiple choices, a labelled textarea for
 * text), plain POST back to the same address, so it works without
 * JavaScript. With `problems`, the answers given are kept and each refused
 * answer carries a message tied to its question (aria-describedby).
 */
export function surveyFormPage(input: SurveyForm & { action: string }): string {
  const [before, after] = surveyFormPieces(input);
  return before + escapeHtml(input.action) + after;
}

const blankForms = new WeakMap<Survey, Map<string, readonly [Buffer, Buffer]>>();

/**
 * The form as a link first shows it (no answers, no problems), as UTF-8.
 * The page around the link's address is built and encoded once per survey,
 * language and company: the survey page cache hands out the same survey
 * object while the survey is unchanged, and an edited survey is a new object.
 */
export function blankSurveyFormPage(input: { survey: Survey; locale: SurveyLocale; company: string; action: string }): Buffer {
  let forms = blankForms.get(input.survey);
  if (forms === undefined) {
    forms = new Map();
    blankForms.set(input.survey, forms);
  }
  const key = `${input.locale}/${input.company}`;
  let pieces = forms.get(key);
  if (pieces === undefined) {
    const [before, after] = surveyFormPieces(input);
    pieces = [Buffer.from(before), Buffer.from(after)];
    forms.set(key, pieces);
  }
  return Buffer.concat([pieces[0], Buffer.from(escapeHtml(input.action)), pieces[1]]);
}

/** The form page before and after its action address. */
function surveyFormPieces(input: SurveyForm): readonly [string, string] {
  const t = surveyTexts[input.locale].page;
  const problems = new Map((input.problems ?? []).map((p) => [p.field, p]));
  const summary = problems.size > 0 ? `<p class="error" role="alert">${escapeHtml(t.fixErrors)}</p>\n` : "";
  const fields = input.survey.questions.map((q) => questionHtml(q, input, t, problems.get(q.id))).join("\n");
  const [before, after] = layout(input.locale, t.title);
  return [
    `${before}<h1>${escapeHtml(t.title)}</h1>\n${summary}<form method="post" action="`,
    `">\n${fields}\n<button type="submit">${escapeHtml(t.submit)}</button>\n</form>${after}`,
  ];
}

function questionHtml(
  q: SurveyQuestion,
  input: { locale: SurveyLocale; company: string; values?: RawSurveyAnswers },
  t: SurveyPageTexts,
  problem: AnswerProblem | undefined,
): string {
  const { locale } = input;
  const given = input.values?.[q.id];
  const chosen = new Set((Array.isArray(given) ? given : given === undefined || given === null ? [] : [String(given)]).map(String));
  const errorId = `${q.id}-error`;
  const error = problem ? `<p class="error" id="${errorId}">${escapeHtml(problemText(problem, t))}</p>\n` : "";
  const described = problem ? ` aria-describedby="${errorId}"` : "";
  const required = q.required ? ` <span>(${escapeHtml(t.required)})</span>` : "";
  if (isRatingType(q.type)) {
    const wording = surveyTexts[locale].ratings[q.type];
    const question = fillText(q.text ? localize(q.text, locale) : wording.question, { company: input.company });
    const { min, max } = ratingScales[q.type];
    const options: string[] = [];
    for (let v = min; v <= max; v++) {
      const checked = chosen.has(String(v)) ? " checked" : "";
      const req = q.required ? " required" : "";
      options.push(`<label><input type="radio" name="${q.id}" value="${v}"${checked}${req}>${v}</label>`);
    }
    return `<fieldset${described}>\n<legend>${escapeHtml(question)}${required}</legend>\n${error}<div class="scale">${options.join("")}</div>\n<div class="ends" aria-hidden="true"><span>${min} = ${escapeHtml(wording.low)}</span><span>${max} = ${escapeHtml(wording.high)}</span></div>\n</fieldset>`;
  }
  const question = fillText(q.text ? localize(q.text, locale) : q.id, { company: input.company });
  if (q.type === "choice") {
    const kind = q.multiple ? "checkbox" : "radio";
    const options = q.options
      .map((o) => `<label><input type="${kind}" name="${q.id}" value="${escapeHtml(o.value)}"${chosen.has(o.value) ? " checked" : ""}> ${escapeHtml(localize(o.label, locale))}</label><br>`)
      .join("\n");
    return `<fieldset${described}>\n<legend>${escapeHtml(question)}${required}</legend>\n${error}${options}\n</fieldset>`;
  }
  const maxLength = q.type === "text" ? q.maxLength : 2000;
  const text = [...chosen].join("\n");
  return `<div>\n<label for="${q.id}"><strong>${escapeHtml(question)}</strong>${required}</label>\n${error}<textarea id="${q.id}" name="${q.id}" maxlength="${maxLength}"${described}${q.required ? " required" : ""}>${escapeHtml(text)}</textarea>\n</div>`;
}

function problemText(problem: AnswerProblem, t: SurveyPageTexts): string {
  switch (problem.code) {
    case "required":
      return t.answerRequired;
    case "not_a_number":
    case "out_of_range":
      return fillText(t.outOfRange, { min: problem.min ?? "", max: problem.max ?? "" });
    case "unknown_choice":
      return t.unknownChoice;
    case "too_long":
      return fillText(t.tooLong, { max: problem.max ?? "" });
  }
}
