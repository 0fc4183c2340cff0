import { describe, expect, it } from "vitest";
import { SignInThrottle } from "./sign-in-throttle.ts";

describe("SignInThrottle", () => {
  it("lets three failures through, then doubles the wait per failure up to the cap", () => {
    const throttle = new SignInThrottle({ freeFailures: 3, baseDelayMs: 1000, maxDelayMs: 8000 });
    const keys = ["email:a@b.co", "address:1.2.3.4"];
    const waits: number[] = [];
    for (let i = 0; i < 7; i++) {
      throttle.recordFailure(keys, 0);
      waits.push(throttle.waitMs(keys, 0));
    }
    expect(waits).toEqual([0, 0, 0, 1000, 2000, 4000, 8000]);
    expect(throttle.waitMs(keys, 8000)).toBe(0);
  });

  it("holds back an address trying many accounts, and a success clears only the account", () => {
    const throttle = new SignInThrottle({ freeFailures: 2, baseDelayMs: 500 });
    for (const email of ["a@x.co", "b@x.co", "c@x.co"]) throttle.recordFailure([`email:${email}`, "address:9.9.9.9"], 0);
    expect(throttle.waitMs(["email:d@x.co", "address:9.9.9.9"], 0)).toBe(500);
    expect(throttle.waitMs(["email:d@x.co", "address:8.8.8.8"], 0)).toBe(0);
    throttle.recordSuccess("email:a@x.co");
    expect(throttle.waitMs(["email:a@x.co", "address:8.8.8.8"], 0)).toBe(0);
  });
});
