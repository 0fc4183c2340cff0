import {
  hasPersonalProperties,
  maskContact,
  maskCustomer,
  maskName,
  maskPersonalProperties,
  personalFieldsOf,
  personalFieldsOfContacts,
  type Contact,
  type NewAuditEntry,
  type Customer,
  type Repositories,
  type TimelineEvent,
} from "@tenure/domain";
import type { RequestContext } from "@tenure/shared";
import { auditEntry } from "./audit-entry.ts";
import { decidePurposes, type PurposeDecision } from "./check-purpose.ts";

/** A customer and what is about to be shown of it. */
export interface PersonalSubject {
  customer: Customer;
  contacts?: Contact[];
  events?: TimelineEvent[];
}

/**
 * The subjects as the caller may see them: unmasked when checkPurpose allows
 * the declared purpose for that customer, masked otherwise. Every subject
 * shown unmasked with personal values in it gets exactly one audit row
 * (action personal_data.read, naming the fields), written before returning.
 * `callerDecision`: decideCallerPurpose(ctx.purpose), when already made.
 */
export async function revealPersonalData<S extends PersonalSubject>(
  ctx: RequestContext,
  deps: { repositories: Pick<Repositories, "consents" | "audit"> },
  subjects: readonly S[],
  callerDecision?: PurposeDecision,
): Promise<S[]> {
  if (subjects.length === 0) return [];
  const decisions = await decidePurposes(ctx, deps, subjects.map((s) => s.customer.id), ctx.purpose, callerDecision);
  const audit: NewAuditEntry[] = [];
  const out: S[] = [];
  for (const subject of subjects) {
    if (decisions.get(subject.customer.id)?.allowed !== true) {
      out.push(maskSubject(subject));
      continue;
    }
    out.push(subject);
    const fields = [
      ...personalFieldsOf(subject.customer),
      ...personalFieldsOfContacts(subject.contacts ?? []),
      ...((subject.events ?? []).some((e) => hasPersonalProperties(e.properties)) ? ["timeline.properties"] : []),
    ];
    if (fields.length === 0) continue;
    audit.push(auditEntry(ctx, "personal_data.read", subject.customer.id, fields));
  }
  await deps.repositories.audit.append(audit);
  return out;
}

/**
 * A free-text summary with every personal value of the customer (name,
 * e-mail, phone, external id, as maskCustomer decides) replaced by its masked
 * form; then each word of a masked name (three letters or more) wherever it
 * still stands alone, in any case ("called zelda back" → "called Z*** back").
 */
function maskMentions<T extends string | null | undefined>(summary: T, customer: Customer): T {
  if (!summary) return summary;
  const masked = maskCustomer(customer);
  let out: string = summary;
  for (const key of ["name", "email", "phone", "externalId"] as const) {
    const value = customer[key];
    const hidden = masked[key];
    if (value && hidden !== null && hidden !== value) out = out.split(value).join(hidden);
  }
  if (customer.name && masked.name !== customer.name) {
    for (const word of customer.name.trim().split(/\s+/)) {
      if (Array.from(word).length < 3) continue;
      const alone = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}\\p{N}])`, "giu");
      out = out.replace(alone, maskName(word));
    }
  }
  return out as T;
}

function maskSubject<S extends PersonalSubject>(subject: S): S {
  return {
    ...subject,
    customer: maskCustomer(subject.customer),
    ...(subject.contacts ? { contacts: subject.contacts.map(maskContact) } : {}),
    ...(subject.events ? { events: subject.events.map((e) => ({ ...e, summary: maskMentions(e.summary, subject.customer), properties: maskPersonalProperties(e.properties) })) } : {}),
  };
}
