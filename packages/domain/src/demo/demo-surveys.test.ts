import { describe, expect, it } from "vitest";
import { surveyLocale } from "../surveys/survey-locale.ts";
import { generateDemoWorkspace } from "./generate-demo-workspace.ts";
import { planDemoSurveys } from "./demo-surveys.ts";

const today = new Date("2026-11-01T00:00:00Z");
const dataset = generateDemoWorkspace({ seed: 7, customers: 1500, today });
const answers = planDemoSurveys(dataset, today, 7);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

describe("planDemoSurveys", () => {
  it("is deterministic and answers in each customer's language", () => {
    expect(planDemoSurveys(dataset, today, 7)).toEqual(answers);
    const locales = new Map(dataset.customers.map((c) => [c.id, surveyLocale(c.locale)]));
    expect(answers.length).toBeGreaterThan(200);
    for (const a of answers) expect(a.locale).toBe(locales.get(a.customerId));
    expect(new Set(answers.filter((a) => a.comment !== null).map((a) => a.locale)).size).toBeGreaterThan(1);
  });

  it("gives lower NPS to customers who later dropped out and detractors a follow-up", () => {
    const last = new Map<string, number>();
    for (const o of dataset.orders) if (o.status === "completed") last.set(o.customerId, Math.max(last.get(o.customerId) ?? 0, o.orderedAt.getTime()));
    const dropped = (id: string) => today.getTime() - (last.get(id) ?? 0) > 180 * 86_400_000;
    const gone = answers.filter((a) => dropped(a.customerId)).map((a) => a.nps);
    const active = answers.filter((a) => !dropped(a.customerId)).map((a) => a.nps);
    expect(mean(active) - mean(gone)).toBeGreaterThan(1.5);
    for (const a of answers) expect(a.followUp !== null).toBe(a.nps <= 6);
    expect(new Set(answers.map((a) => a.followUp)).size).toBe(5);
  });
});
